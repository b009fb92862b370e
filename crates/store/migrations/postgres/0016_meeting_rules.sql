-- Meeting rules: those a charter states, each against the commitment it comes
-- from; an organisation's own values, which replace its charters' or turn a rule
-- off; the reasons organisers gave to go ahead with a plan that breaks one; and the
-- ground rules attached to an activity, copied from where they were chosen.
CREATE TABLE charter_meeting_rules (
    charter_id BIGINT NOT NULL REFERENCES charters (id) ON DELETE CASCADE,
    commitment_key TEXT NOT NULL,
    rule TEXT NOT NULL,
    amount BIGINT,
    -- Rush hours, as written: "Mon-Fri 06:30-09:30, Mon-Fri 16:00-19:00".
    windows TEXT NOT NULL DEFAULT '',
    -- Activity types a time limit does not count, as slugs separated by commas.
    not_counting TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (charter_id, rule)
);

CREATE TABLE meeting_rules (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    rule TEXT NOT NULL,
    in_force BOOLEAN NOT NULL,
    amount BIGINT,
    windows TEXT NOT NULL DEFAULT '',
    not_counting TEXT NOT NULL DEFAULT '',
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organisation_id, rule)
);

CREATE TABLE rule_exceptions (
    id BIGSERIAL PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    -- The rule's slug, or "venue-" and the venue feature lacking.
    check_key TEXT NOT NULL,
    -- What the plan broke, in words, when the organiser went ahead.
    found TEXT NOT NULL,
    reason TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts (id),
    decided_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT rule_exceptions_once UNIQUE (activity_id, check_key)
);

ALTER TABLE activities ADD COLUMN ground_rules_title TEXT;
ALTER TABLE activities ADD COLUMN ground_rules TEXT;
