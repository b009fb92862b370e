-- When the organiser phoned, or posted the letter to, someone invited by phone or
-- letter.
ALTER TABLE invitations ADD COLUMN contacted_at TIMESTAMPTZ;
