-- Foundation: organisations, charters, people, projects, activities, attendance and
-- "you said, we did". Times are TEXT in one UTC form (RFC 3339, whole seconds, "+00:00");
-- dates are TEXT "YYYY-MM-DD". Enumerations are stored as their slugs.

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE charters (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    summary TEXT,
    feedback_days INTEGER NOT NULL,
    review_months INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    CONSTRAINT charters_key_version UNIQUE (key, version)
);

CREATE TABLE charter_sections (
    id INTEGER PRIMARY KEY,
    charter_id INTEGER NOT NULL REFERENCES charters (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    source_ref TEXT NOT NULL,
    intro TEXT,
    CONSTRAINT charter_sections_key UNIQUE (charter_id, key)
);

CREATE TABLE charter_commitments (
    id INTEGER PRIMARY KEY,
    charter_id INTEGER NOT NULL REFERENCES charters (id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES charter_sections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
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
    id INTEGER PRIMARY KEY,
    charter_id INTEGER NOT NULL REFERENCES charters (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL,
    invited_on TEXT NOT NULL,
    signed_on TEXT,
    CONSTRAINT signatories_once UNIQUE (charter_id, organisation_id)
);
CREATE INDEX signatories_organisation ON signatories (organisation_id);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    email TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX people_organisation ON people (organisation_id, id);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    stage TEXT NOT NULL,
    level TEXT NOT NULL,
    scope_and_limits TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX projects_organisation ON projects (organisation_id, id);

CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id),
    title TEXT NOT NULL,
    activity_type TEXT NOT NULL,
    mode TEXT NOT NULL,
    rung TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL
);
CREATE INDEX activities_project ON activities (project_id, starts_at);

CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    status TEXT NOT NULL,
    CONSTRAINT attendance_once UNIQUE (activity_id, person_id)
);
CREATE INDEX attendance_person ON attendance (person_id);

CREATE TABLE inputs (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities (id),
    said TEXT NOT NULL,
    received_on TEXT NOT NULL,
    response TEXT,
    response_status TEXT,
    responded_on TEXT,
    fed_back_on TEXT
);
CREATE INDEX inputs_activity ON inputs (activity_id, received_on);
CREATE INDEX inputs_received ON inputs (received_on);
