-- Reminders an organiser sets for an activity: how many days before it, at what
-- London time, and their own words. Each is sent by a job to everyone with a place
-- who has not said no; the time is worked out again from the activity when the job
-- runs, so a meeting moved keeps its reminders in step.
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities (id),
    days_before INTEGER NOT NULL,
    at_time TEXT NOT NULL,
    words TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    sent_to INTEGER
);
CREATE INDEX reminders_activity ON reminders (activity_id, id);
