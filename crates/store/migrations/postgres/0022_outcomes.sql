-- Outcomes: the changes people's contributions led to (to a service, a policy or a
-- decision), each dated, with a statement of its impact. An outcome is linked to the
-- inputs behind it, and an input to every outcome it led to. Evidence is kept as
-- files, their type read from their content, with their size and SHA-256.
CREATE TABLE outcomes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    project_id BIGINT REFERENCES projects (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    happened_on DATE NOT NULL,
    impact TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_by BIGINT REFERENCES accounts (id)
);
CREATE INDEX outcomes_organisation ON outcomes (organisation_id, id);
CREATE INDEX outcomes_project ON outcomes (project_id, id);

CREATE TABLE outcome_inputs (
    outcome_id BIGINT NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    input_id BIGINT NOT NULL REFERENCES inputs (id),
    PRIMARY KEY (outcome_id, input_id)
);
CREATE INDEX outcome_inputs_input ON outcome_inputs (input_id, outcome_id);

CREATE TABLE outcome_evidence (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outcome_id BIGINT NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL,
    added_at TIMESTAMPTZ NOT NULL,
    added_by BIGINT REFERENCES accounts (id)
);
CREATE INDEX outcome_evidence_outcome ON outcome_evidence (outcome_id, id);
