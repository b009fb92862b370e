-- Who said an input: people on the activity's roster. An input may name no one (it
-- was said by a group, or anonymously).
CREATE TABLE input_people (
    input_id INTEGER NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    PRIMARY KEY (input_id, person_id)
);
CREATE INDEX input_people_person ON input_people (person_id, input_id);

-- A network document keeps its words with each version, so a member reads the
-- version they sign; an Easy Read version is optional.
ALTER TABLE network_documents ADD COLUMN body TEXT NOT NULL DEFAULT '';
ALTER TABLE network_documents ADD COLUMN easy_read TEXT;
