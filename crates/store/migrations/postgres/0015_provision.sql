-- Access support for an activity: for each need of the people coming (a BSL
-- interpreter, Easy Read papers, a hearing loop), who booked it, from whom and at
-- what cost, and afterwards whether it was met, with the reason when it was not.
CREATE TABLE provisions (
    id BIGSERIAL PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    need TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT '',
    booked_with TEXT,
    booked_by TEXT,
    cost_pence BIGINT,
    booked_at TIMESTAMPTZ,
    met BOOLEAN,
    reason TEXT,
    outcome_at TIMESTAMPTZ,
    CONSTRAINT provisions_once UNIQUE (activity_id, need, language)
);
CREATE INDEX provisions_unmet ON provisions (met, activity_id);
