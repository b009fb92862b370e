-- Each person's choice about payments for taking part, kept with the day they
-- chose: the one in force on a day is the latest chosen on or before it.
CREATE TABLE recognition_choices (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    choice TEXT NOT NULL,
    amount_pence INTEGER,
    charity TEXT,
    chosen_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES accounts (id)
);
CREATE INDEX recognition_choices_person ON recognition_choices (person_id, chosen_on, id);

-- Payments as a ledger: each entry created, approved by someone else, and marked
-- paid; never changed but by those steps. A mistake is put right by a new entry
-- that reverses one (`reverses_id`, a negative amount), which may itself not be
-- reversed; an entry is reversed at most once. Money is whole pence.
CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    activity_id INTEGER REFERENCES activities (id),
    project_id INTEGER REFERENCES projects (id),
    policy_id INTEGER REFERENCES recognition_policies (id),
    tier TEXT,
    basis TEXT,
    rate_pence INTEGER,
    scheduled_minutes INTEGER,
    attended_minutes INTEGER,
    amount_pence INTEGER NOT NULL,
    paid_as TEXT NOT NULL,
    charity TEXT,
    reverses_id INTEGER REFERENCES payments (id),
    reason TEXT,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES accounts (id),
    approved_at TEXT,
    approved_by INTEGER REFERENCES accounts (id),
    paid_on TEXT,
    paid_by INTEGER REFERENCES accounts (id)
);
CREATE INDEX payments_organisation ON payments (organisation_id, id);
CREATE INDEX payments_person ON payments (person_id, id);
CREATE INDEX payments_activity ON payments (activity_id, person_id);
CREATE INDEX payments_status ON payments (organisation_id, status, id);
CREATE UNIQUE INDEX payments_reversed_once ON payments (reverses_id) WHERE reverses_id IS NOT NULL;
