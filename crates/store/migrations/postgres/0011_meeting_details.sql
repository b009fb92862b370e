-- What an activity's organiser plans beyond its time: the venue (from the register),
-- the joining link of an online meeting, who chairs and who facilitates, how many
-- places there are, and how long the debrief after it lasts.
ALTER TABLE activities ADD COLUMN venue_id BIGINT REFERENCES venues (id);
ALTER TABLE activities ADD COLUMN joining_link TEXT;
ALTER TABLE activities ADD COLUMN chair TEXT;
ALTER TABLE activities ADD COLUMN facilitator TEXT;
ALTER TABLE activities ADD COLUMN places BIGINT;
ALTER TABLE activities ADD COLUMN debrief_minutes BIGINT;
CREATE INDEX activities_venue ON activities (venue_id);
