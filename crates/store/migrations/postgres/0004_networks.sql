-- Networks and training. A network (a Service User and Carer Network, a patients'
-- forum) has members, who join and may leave, are inducted, sign the network's charter
-- and code of conduct (each version adopted is a row; the newest of each kind is the
-- one members must have signed), and may stand down and be reinstated. Training
-- courses have sessions; a completion may run out, on a day stored with it.

CREATE TABLE networks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX networks_organisation ON networks (organisation_id, id);

CREATE TABLE network_documents (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    version TEXT NOT NULL,
    -- The charter adopted, for a document of kind 'charter'.
    charter_id BIGINT REFERENCES charters (id),
    adopted_on DATE NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT network_documents_version UNIQUE (network_id, kind, version)
);
CREATE INDEX network_documents_current ON network_documents (network_id, kind, adopted_on);

CREATE TABLE memberships (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    joined_on DATE NOT NULL,
    left_on DATE,
    inducted_on DATE,
    inducted_by TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX memberships_network ON memberships (network_id, left_on, id);
CREATE INDEX memberships_person ON memberships (person_id);
-- A person is a current member of a network once at most.
CREATE UNIQUE INDEX memberships_current ON memberships (network_id, person_id) WHERE left_on IS NULL;

CREATE TABLE signatures (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    membership_id BIGINT NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    document_id BIGINT NOT NULL REFERENCES network_documents (id) ON DELETE CASCADE,
    signed_on DATE NOT NULL,
    recorded_by BIGINT REFERENCES accounts (id),
    recorded_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT signatures_once UNIQUE (membership_id, document_id)
);
CREATE INDEX signatures_document ON signatures (document_id, membership_id);

CREATE TABLE stand_downs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    membership_id BIGINT NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    stood_down_on DATE NOT NULL,
    reason TEXT NOT NULL,
    review_on DATE,
    reinstated_on DATE,
    recorded_by BIGINT REFERENCES accounts (id),
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX stand_downs_membership ON stand_downs (membership_id);
-- A member is stood down once at a time.
CREATE UNIQUE INDEX stand_downs_open ON stand_downs (membership_id) WHERE reinstated_on IS NULL;

CREATE TABLE courses (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    audience TEXT NOT NULL,
    -- Months a completion lasts; NULL when it never needs renewing.
    valid_months BIGINT,
    description TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX courses_organisation ON courses (organisation_id, id);

CREATE TABLE training_sessions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    held_on DATE NOT NULL,
    place TEXT NOT NULL,
    trainer TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX training_sessions_course ON training_sessions (course_id, held_on);

CREATE TABLE completions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id BIGINT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    session_id BIGINT REFERENCES training_sessions (id) ON DELETE SET NULL,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    completed_on DATE NOT NULL,
    expires_on DATE,
    recorded_by BIGINT REFERENCES accounts (id),
    recorded_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT completions_once UNIQUE (course_id, person_id, completed_on)
);
CREATE INDEX completions_person ON completions (person_id, completed_on);
CREATE INDEX completions_course ON completions (course_id, id);
