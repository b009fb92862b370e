-- Closing a meeting: how long each person who came took part (for recognition),
-- and the organiser's closing notes with when they were written.
ALTER TABLE attendance ADD COLUMN minutes BIGINT;
ALTER TABLE activities ADD COLUMN closing_notes TEXT;
ALTER TABLE activities ADD COLUMN closed_at TIMESTAMPTZ;
