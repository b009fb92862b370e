-- Experience feedback after an activity. A request asks one person who came, by a
-- link of their own (only its hash kept); it records that they answered, never
-- what. Answers are kept apart, with the person only when they chose to give their
-- name, and only the day they were given, so an anonymous answer cannot be matched
-- to its request by time.
CREATE TABLE feedback_requests (
    id BIGSERIAL PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    token_hash TEXT NOT NULL UNIQUE,
    asked_at TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ,
    CONSTRAINT feedback_requests_once UNIQUE (activity_id, person_id)
);
CREATE INDEX feedback_requests_person ON feedback_requests (person_id);

CREATE TABLE feedback_answers (
    id BIGSERIAL PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    -- Who answered, when they chose to say; null for an anonymous answer.
    person_id BIGINT REFERENCES people (id),
    listened_to TEXT,
    needs_met TEXT,
    know_next TEXT,
    comment TEXT,
    answered_on DATE NOT NULL,
    -- "person" (by their link or their record) or "paper" (a form staff typed in).
    source TEXT NOT NULL
);
CREATE INDEX feedback_answers_activity ON feedback_answers (activity_id);
