-- The participant register: profiles, roles, interests, availability, languages,
-- access needs, consent, and equality monitoring (kept in its own table, never joined
-- into lists). A participant's account can be linked to their register entry.

ALTER TABLE people ADD COLUMN preferred_name TEXT;
ALTER TABLE people ADD COLUMN pronouns TEXT;
ALTER TABLE people ADD COLUMN phone TEXT;
-- The phone number's digits alone, to find the same number however it was typed.
ALTER TABLE people ADD COLUMN phone_digits TEXT;
ALTER TABLE people ADD COLUMN address TEXT;
ALTER TABLE people ADD COLUMN postcode TEXT;
ALTER TABLE people ADD COLUMN preferred_contact TEXT;
ALTER TABLE people ADD COLUMN affiliations TEXT;
ALTER TABLE people ADD COLUMN avoid_rush_hour BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE people ADD COLUMN born_on TEXT;
ALTER TABLE people ADD COLUMN updated_at TEXT;
ALTER TABLE people ADD COLUMN erased_at TEXT;

CREATE TABLE person_roles (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (person_id, role)
);
CREATE INDEX person_roles_role ON person_roles (role, person_id);
INSERT INTO person_roles (person_id, role)
    SELECT id, CASE role WHEN 'staff' THEN 'staff' ELSE 'service-user' END FROM people;
ALTER TABLE people DROP COLUMN role;
CREATE INDEX people_email ON people (organisation_id, email);
CREATE INDEX people_phone ON people (organisation_id, phone_digits);

CREATE TABLE person_interests (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    area TEXT NOT NULL,
    PRIMARY KEY (person_id, area)
);
CREATE INDEX person_interests_area ON person_interests (area, person_id);

CREATE TABLE person_languages (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (person_id, language)
);
CREATE INDEX person_languages_language ON person_languages (language, person_id);

CREATE TABLE person_availability (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    slot TEXT NOT NULL,
    PRIMARY KEY (person_id, slot)
);

CREATE TABLE person_needs (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    need TEXT NOT NULL,
    -- The language of a spoken-language interpreter; '' for other needs.
    language TEXT NOT NULL DEFAULT '',
    detail TEXT,
    recorded_at TEXT NOT NULL,
    CONSTRAINT person_needs_once UNIQUE (person_id, need, language)
);
CREATE INDEX person_needs_need ON person_needs (need, person_id);

CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    given_on TEXT NOT NULL,
    method TEXT NOT NULL,
    given_by TEXT,
    withdrawn_on TEXT,
    recorded_by INTEGER REFERENCES accounts (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX consents_person ON consents (person_id, purpose);

CREATE TABLE equality_answers (
    person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    ethnic_group TEXT,
    age_band TEXT,
    sex TEXT,
    gender_identity TEXT,
    sexual_orientation TEXT,
    disability TEXT,
    religion TEXT,
    carer TEXT,
    pregnancy TEXT,
    partnership TEXT,
    postcode_district TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX equality_answers_organisation ON equality_answers (organisation_id);

ALTER TABLE accounts ADD COLUMN person_id INTEGER REFERENCES people (id);
CREATE UNIQUE INDEX accounts_person ON accounts (person_id);

-- A spreadsheet uploaded for import, kept between the dry run and the import by the
-- account that uploaded it, and deleted once imported or a day old.
CREATE TABLE pending_imports (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content BLOB NOT NULL,
    overrides TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX pending_imports_account ON pending_imports (account_id);

-- Each word of a person's name and preferred name, lower case, compared byte by byte,
-- so that "find people whose name has a word starting with ..." is a range on an
-- index, fast however long the register.
CREATE TABLE person_name_words (
    word TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (word, person_id)
);
CREATE INDEX person_name_words_person ON person_name_words (person_id);
INSERT INTO person_name_words (word, person_id) SELECT DISTINCT lower(name), id FROM people;
