-- Outcomes: the changes people's contributions led to (to a service, a policy or a
-- decision), each dated, with a statement of its impact. An outcome is linked to the
-- inputs behind it, and an input to every outcome it led to. Evidence is kept as
-- files, their type read from their content, with their size and SHA-256.
CREATE TABLE outcomes (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    project_id INTEGER REFERENCES projects (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    impact TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES accounts (id)
);
CREATE INDEX outcomes_organisation ON outcomes (organisation_id, id);
CREATE INDEX outcomes_project ON outcomes (project_id, id);

CREATE TABLE outcome_inputs (
    outcome_id INTEGER NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    input_id INTEGER NOT NULL REFERENCES inputs (id),
    PRIMARY KEY (outcome_id, input_id)
);
CREATE INDEX outcome_inputs_input ON outcome_inputs (input_id, outcome_id);

CREATE TABLE outcome_evidence (
    id INTEGER PRIMARY KEY,
    outcome_id INTEGER NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    added_at TEXT NOT NULL,
    added_by INTEGER REFERENCES accounts (id)
);
CREATE INDEX outcome_evidence_outcome ON outcome_evidence (outcome_id, id);
