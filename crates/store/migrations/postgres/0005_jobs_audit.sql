-- The job queue and the audit trail.
--
-- A job is work done later by a worker: an email to send (the outbox), a reminder.
-- It is written in the same transaction as the change that causes it, so the change
-- and its job commit together or not at all. A worker claims a job by setting a
-- lease; a job whose lease has run out is taken again by another worker.
CREATE TABLE jobs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    -- The job's data, as JSON text.
    payload TEXT NOT NULL,
    -- waiting, running, done or dead.
    state TEXT NOT NULL,
    run_at TIMESTAMPTZ NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    max_attempts BIGINT NOT NULL,
    last_error TEXT,
    locked_by TEXT,
    lease_until TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);
CREATE INDEX jobs_due ON jobs (state, run_at, id);
CREATE INDEX jobs_lease ON jobs (state, lease_until, id);
CREATE INDEX jobs_state_id ON jobs (state, id);

-- Who did what to which record, when and from where. Each entry carries the hash of
-- the one before it and its own, so an entry edited, removed or inserted out of order
-- breaks the chain. `audit_head` holds the last sequence number and hash; updating it
-- first makes concurrent writers take turns.
CREATE TABLE audit_entries (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq BIGINT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    account_id BIGINT,
    role TEXT,
    organisation_id BIGINT,
    action TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id BIGINT,
    person_id BIGINT,
    address TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    CONSTRAINT audit_entries_seq UNIQUE (seq)
);
CREATE INDEX audit_entries_person ON audit_entries (person_id, seq);
CREATE INDEX audit_entries_record ON audit_entries (record_kind, record_id, seq);
CREATE INDEX audit_entries_account ON audit_entries (account_id, seq);

CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
