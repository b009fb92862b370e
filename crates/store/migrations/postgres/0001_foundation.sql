-- Foundation: organisations, charters, people, projects, activities, attendance and
-- "you said, we did". Times are TIMESTAMPTZ (UTC), dates are DATE; integers are BIGINT
-- so one Rust type (i64) reads them on both backends. Enumerations are stored as their slugs.

CREATE TABLE organisations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE charters (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    summary TEXT,
    feedback_days BIGINT NOT NULL,
    review_months BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT charters_key_version UNIQUE (key, version)
);

CREATE TABLE charter_sections (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    charter_id BIGINT NOT NULL REFERENCES charters (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    source_ref TEXT NOT NULL,
    intro TEXT,
    CONSTRAINT charter_sections_key UNIQUE (charter_id, key)
);

CREATE TABLE charter_commitments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    charter_id BIGINT NOT NULL REFERENCES charters (id) ON DELETE CASCADE,
    section_id BIGINT NOT NULL REFERENCES charter_sections (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    source_ref TEXT NOT NULL,
    kind TEXT NOT NULL,
    rung TEXT,
    indicator TEXT,
    CONSTRAINT charter_commitments_key UNIQUE (charter_id, key)
);
CREATE INDEX charter_commitments_section ON charter_commitments (section_id, position);

CREATE TABLE signatories (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    charter_id BIGINT NOT NULL REFERENCES charters (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL,
    invited_on DATE NOT NULL,
    signed_on DATE,
    CONSTRAINT signatories_once UNIQUE (charter_id, organisation_id)
);
CREATE INDEX signatories_organisation ON signatories (organisation_id);

CREATE TABLE people (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    email TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX people_organisation ON people (organisation_id, id);

CREATE TABLE projects (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    stage TEXT NOT NULL,
    level TEXT NOT NULL,
    scope_and_limits TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX projects_organisation ON projects (organisation_id, id);

CREATE TABLE activities (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    title TEXT NOT NULL,
    activity_type TEXT NOT NULL,
    mode TEXT NOT NULL,
    rung TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX activities_project ON activities (project_id, starts_at);

CREATE TABLE attendance (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    status TEXT NOT NULL,
    CONSTRAINT attendance_once UNIQUE (activity_id, person_id)
);
CREATE INDEX attendance_person ON attendance (person_id);

CREATE TABLE inputs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    said TEXT NOT NULL,
    received_on DATE NOT NULL,
    response TEXT,
    response_status TEXT,
    responded_on DATE,
    fed_back_on DATE
);
CREATE INDEX inputs_activity ON inputs (activity_id, received_on);
CREATE INDEX inputs_received ON inputs (received_on);
