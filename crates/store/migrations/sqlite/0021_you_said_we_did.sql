-- "You said, we did": an input belongs to an organisation, and to a project where it
-- has one; it comes from an activity, from an opportunity, or from neither (said by
-- letter, email or phone). It has an owner (the account answering for it) and a due
-- date, set from the charter's feedback deadline when it is received. Anonymous
-- people who said it are counted, not named. Its current response is kept on the
-- row; every response given, and every change of status, is kept in
-- input_responses with its date and who gave it; whom each response was to reach,
-- how, and when it did, is kept in input_told.
--
-- SQLite cannot make activity_id optional in place: the table is rebuilt. Dropping
-- it would delete who said each input (input_people cascades), so those rows are
-- set aside and put back.
CREATE TEMP TABLE input_people_kept AS SELECT input_id, person_id FROM input_people;

CREATE TABLE inputs_new (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    project_id INTEGER REFERENCES projects (id),
    activity_id INTEGER REFERENCES activities (id),
    opportunity_id INTEGER REFERENCES opportunities (id),
    said TEXT NOT NULL,
    received_on TEXT NOT NULL,
    anonymous_count INTEGER NOT NULL DEFAULT 0,
    owner_account_id INTEGER REFERENCES accounts (id),
    due_on TEXT NOT NULL,
    response TEXT,
    response_status TEXT,
    responded_on TEXT,
    will_do_by TEXT,
    fed_back_on TEXT
);

INSERT INTO inputs_new (id, organisation_id, project_id, activity_id, said, received_on, owner_account_id, due_on, response, response_status, responded_on, fed_back_on)
SELECT i.id, p.organisation_id, p.id, i.activity_id, i.said, i.received_on, NULL,
    date(i.received_on, '+' || COALESCE((SELECT MIN(c.feedback_days) FROM signatories s JOIN charters c ON c.id = s.charter_id WHERE s.organisation_id = p.organisation_id AND s.status = 'signed'), 28) || ' days'),
    i.response, i.response_status, i.responded_on, i.fed_back_on
FROM inputs i JOIN activities a ON a.id = i.activity_id JOIN projects p ON p.id = a.project_id;

DROP TABLE inputs;
ALTER TABLE inputs_new RENAME TO inputs;
INSERT INTO input_people (input_id, person_id) SELECT input_id, person_id FROM input_people_kept;
DROP TABLE input_people_kept;

CREATE INDEX inputs_organisation ON inputs (organisation_id, id);
CREATE INDEX inputs_project ON inputs (project_id, id);
CREATE INDEX inputs_activity ON inputs (activity_id, received_on);
CREATE INDEX inputs_opportunity ON inputs (opportunity_id, id);
CREATE INDEX inputs_received ON inputs (received_on);
CREATE INDEX inputs_owner ON inputs (owner_account_id, due_on);
-- The overdue list: not fed back, by due date.
CREATE INDEX inputs_waiting ON inputs (organisation_id, due_on) WHERE fed_back_on IS NULL;

CREATE TABLE input_themes (
    input_id INTEGER NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (input_id, theme)
);
CREATE INDEX input_themes_theme ON input_themes (theme, input_id);

CREATE TABLE input_responses (
    id INTEGER PRIMARY KEY,
    input_id INTEGER NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    response TEXT NOT NULL,
    will_do_by TEXT,
    owner_account_id INTEGER REFERENCES accounts (id),
    given_on TEXT NOT NULL,
    given_at TEXT NOT NULL,
    given_by INTEGER REFERENCES accounts (id),
    -- Whether it was a first response or a change of status: the ones the people
    -- who gave the input are told of.
    told BOOLEAN NOT NULL
);
CREATE INDEX input_responses_input ON input_responses (input_id, id);

-- The responses put back from before: each input with a response has its first.
INSERT INTO input_responses (input_id, status, response, given_on, given_at, told)
SELECT id, response_status, response, COALESCE(responded_on, received_on), COALESCE(responded_on, received_on) || 'T00:00:00Z', FALSE
FROM inputs WHERE response IS NOT NULL AND response_status IS NOT NULL;

CREATE TABLE input_told (
    id INTEGER PRIMARY KEY,
    input_id INTEGER NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
    response_id INTEGER NOT NULL REFERENCES input_responses (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    -- email, letter, phone, or held-back (no consent to contact: not told).
    reach TEXT NOT NULL,
    -- The day it reached them: emailed, or posted or phoned by hand; NULL while a
    -- letter or call waits, and for held-back.
    told_on TEXT,
    CONSTRAINT input_told_once UNIQUE (response_id, person_id)
);
CREATE INDEX input_told_input ON input_told (input_id, response_id);
CREATE INDEX input_told_person ON input_told (person_id, input_id);
-- Letters and calls waiting.
CREATE INDEX input_told_waiting ON input_told (input_id) WHERE told_on IS NULL AND reach IN ('letter', 'phone');
