-- "You said, we did": an input belongs to an organisation, and to a project where it
-- has one; it comes from an activity, from an opportunity, or from neither (said by
-- letter, email or phone). It has an owner (the account answering for it) and a due
-- date, set from the charter's feedback deadline when it is received. Anonymous
-- people who said it are counted, not named. Its current response is kept on the
-- row; every response given, and every change of status, is kept in
-- input_responses with its date and who gave it; whom each response was to reach,
-- how, and when it did, is kept in input_told.
ALTER TABLE inputs ALTER COLUMN activity_id DROP NOT NULL;
ALTER TABLE inputs ADD COLUMN organisation_id BIGINT REFERENCES organisations (id);
ALTER TABLE inputs ADD COLUMN project_id BIGINT REFERENCES projects (id);
ALTER TABLE inputs ADD COLUMN opportunity_id BIGINT REFERENCES opportunities (id);
ALTER TABLE inputs ADD COLUMN anonymous_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE inputs ADD COLUMN owner_account_id BIGINT REFERENCES accounts (id);
ALTER TABLE inputs ADD COLUMN due_on DATE;
ALTER TABLE inputs ADD COLUMN will_do_by DATE;

UPDATE inputs i SET organisation_id = p.organisation_id, project_id = p.id
FROM activities a JOIN projects p ON p.id = a.project_id
WHERE a.id = i.activity_id;
UPDATE inputs i SET due_on = i.received_on + COALESCE((SELECT MIN(c.feedback_days) FROM signatories s JOIN charters c ON c.id = s.charter_id WHERE s.organisation_id = i.organisation_id AND s.status = 'signed'), 28)::INTEGER;
ALTER TABLE inputs ALTER COLUMN organisation_id SET NOT NULL;
ALTER TABLE inputs ALTER COLUMN due_on SET NOT NULL;

CREATE INDEX inputs_organisation ON inputs (organisation_id, id);
CREATE INDEX inputs_project ON inputs (project_id, id);
CREATE INDEX inputs_opportunity ON inputs (opportunity_id, id);
CREATE INDEX inputs_owner ON inputs (owner_account_id, due_on);
-- The overdue list: not fed back, by due date.
CREATE INDEX inputs_waiting ON inputs (organisation_id, due_on) WHERE fed_back_on IS NULL;

CREATE TABLE input_themes (
    input_id BIGINT NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (input_id, theme)
);
CREATE INDEX input_themes_theme ON input_themes (theme, input_id);

CREATE TABLE input_responses (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    input_id BIGINT NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    response TEXT NOT NULL,
    will_do_by DATE,
    owner_account_id BIGINT REFERENCES accounts (id),
    given_on DATE NOT NULL,
    given_at TIMESTAMPTZ NOT NULL,
    given_by BIGINT REFERENCES accounts (id),
    -- Whether it was a first response or a change of status: the ones the people
    -- who gave the input are told of.
    told BOOLEAN NOT NULL
);
CREATE INDEX input_responses_input ON input_responses (input_id, id);

-- The responses from before: each input with a response has its first.
INSERT INTO input_responses (input_id, status, response, given_on, given_at, told)
SELECT id, response_status, response, COALESCE(responded_on, received_on), COALESCE(responded_on, received_on)::TIMESTAMPTZ, FALSE
FROM inputs WHERE response IS NOT NULL AND response_status IS NOT NULL;

CREATE TABLE input_told (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    input_id BIGINT NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
    response_id BIGINT NOT NULL REFERENCES input_responses (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id),
    -- email, letter, phone, or held-back (no consent to contact: not told).
    reach TEXT NOT NULL,
    -- The day it reached them: emailed, or posted or phoned by hand; NULL while a
    -- letter or call waits, and for held-back.
    told_on DATE,
    CONSTRAINT input_told_once UNIQUE (response_id, person_id)
);
CREATE INDEX input_told_input ON input_told (input_id, response_id);
CREATE INDEX input_told_person ON input_told (person_id, input_id);
-- Letters and calls waiting.
CREATE INDEX input_told_waiting ON input_told (input_id) WHERE told_on IS NULL AND reach IN ('letter', 'phone');
