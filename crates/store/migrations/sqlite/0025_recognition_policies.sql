-- Recognition policies: each organisation's role tiers, the rates each is paid at,
-- the recognition offered and the expenses repaid, as versions that each take
-- effect from a day. The version in force on a day is the latest to take effect on
-- or before it; a new version never changes one before it.
CREATE TABLE recognition_policies (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    effective_from TEXT NOT NULL,
    -- What is offered: recognition slugs, comma-separated, in the order given.
    offered TEXT NOT NULL,
    pro_rata BOOLEAN NOT NULL,
    -- Money in whole pence.
    per_mile INTEGER NOT NULL,
    per_mile_passenger INTEGER NOT NULL,
    per_mile_bicycle INTEGER NOT NULL,
    public_transport BOOLEAN NOT NULL,
    taxis_with_approval BOOLEAN NOT NULL,
    care_costs BOOLEAN NOT NULL,
    meal_cap INTEGER NOT NULL,
    home_working INTEGER NOT NULL,
    claim_within_days INTEGER NOT NULL,
    advice TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES accounts (id)
);
CREATE INDEX recognition_policies_in_force ON recognition_policies (organisation_id, effective_from, id);

CREATE TABLE recognition_tiers (
    policy_id INTEGER NOT NULL REFERENCES recognition_policies (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (policy_id, position)
);

CREATE TABLE recognition_rates (
    policy_id INTEGER NOT NULL REFERENCES recognition_policies (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tier TEXT NOT NULL,
    basis TEXT NOT NULL,
    activity_type TEXT,
    amount_pence INTEGER NOT NULL,
    PRIMARY KEY (policy_id, position)
);

-- A project is found by its opportunities when it is asked whether it may move.
CREATE INDEX opportunities_project ON opportunities (project_id, id);
