-- Feedback forms a project publishes: one question, in English, Polish (when given)
-- and Easy Read, answered by anyone; each answer becomes an input of the project.
-- `signing_key` signs the time each copy of the form was shown, and salts the
-- hash of each address that answered. `said_form_answers` keeps only those hashes
-- and times, for the limit on answers from one address; each form's are deleted
-- once they are older than the limit's window.
CREATE TABLE said_forms (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    project_id INTEGER NOT NULL REFERENCES projects (id),
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    question_pl TEXT,
    question_easy TEXT NOT NULL,
    signing_key TEXT NOT NULL,
    closed_at TEXT,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES accounts (id)
);
CREATE INDEX said_forms_organisation ON said_forms (organisation_id, id);
CREATE INDEX said_forms_project ON said_forms (project_id, id);

CREATE TABLE said_form_answers (
    form_id INTEGER NOT NULL REFERENCES said_forms (id) ON DELETE CASCADE,
    address_hash TEXT NOT NULL,
    answered_at TEXT NOT NULL
);
CREATE INDEX said_form_answers_by ON said_form_answers (form_id, address_hash, answered_at);

ALTER TABLE inputs ADD COLUMN form_id INTEGER REFERENCES said_forms (id);
CREATE INDEX inputs_form ON inputs (form_id, id);
