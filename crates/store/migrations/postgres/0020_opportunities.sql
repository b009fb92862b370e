-- Opportunities: roles offered to participants, with the role described (what is
-- expected, what is involved, the time asked), the recognition and access support
-- offered, the rung, a closing date, the places, and who may apply (anyone, a
-- network's members, or the people invited). An opportunity is a draft until it is
-- opened (published_at), and decided once its people are chosen (decided_at).
CREATE TABLE opportunities (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    project_id BIGINT REFERENCES projects (id),
    title TEXT NOT NULL,
    expected TEXT NOT NULL,
    involved TEXT NOT NULL,
    time_asked TEXT NOT NULL,
    recognition TEXT NOT NULL,
    recognition_detail TEXT,
    access_support TEXT NOT NULL,
    rung TEXT NOT NULL,
    closes_on DATE NOT NULL,
    places BIGINT NOT NULL,
    who_may_apply TEXT NOT NULL,
    network_id BIGINT REFERENCES networks (id),
    easy_read TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ,
    decided_at TIMESTAMPTZ,
    decided_by BIGINT REFERENCES accounts (id)
);
CREATE INDEX opportunities_organisation ON opportunities (organisation_id, id);
-- The public list: opened, not decided, by closing date.
CREATE INDEX opportunities_open ON opportunities (closes_on, id) WHERE published_at IS NOT NULL AND decided_at IS NULL;

-- The people invited to apply for an opportunity open only to them.
CREATE TABLE opportunity_invited (
    opportunity_id BIGINT NOT NULL REFERENCES opportunities (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    invited_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (opportunity_id, person_id)
);
CREATE INDEX opportunity_invited_person ON opportunity_invited (person_id);

-- A person's interest in an opportunity: said by them (expressed_by null) or by
-- staff for them, what they said about why, and where it stands. Once per person.
CREATE TABLE opportunity_applications (
    id BIGSERIAL PRIMARY KEY,
    opportunity_id BIGINT NOT NULL REFERENCES opportunities (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    status TEXT NOT NULL,
    why TEXT,
    expressed_at TIMESTAMPTZ NOT NULL,
    expressed_by BIGINT REFERENCES accounts (id),
    decided_at TIMESTAMPTZ,
    CONSTRAINT opportunity_applications_once UNIQUE (opportunity_id, person_id)
);
CREATE INDEX opportunity_applications_person ON opportunity_applications (person_id);
