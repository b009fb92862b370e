-- An input approved for the public "You said, we did" page: what was said and the
-- response as they were approved (checked for personal data), kept apart from the
-- working words so a later change shows only once it is approved again.
ALTER TABLE inputs ADD COLUMN public_said TEXT;
ALTER TABLE inputs ADD COLUMN public_response TEXT;
ALTER TABLE inputs ADD COLUMN public_status TEXT;
ALTER TABLE inputs ADD COLUMN public_will_do_by TEXT;
ALTER TABLE inputs ADD COLUMN published_at TEXT;
ALTER TABLE inputs ADD COLUMN published_by INTEGER REFERENCES accounts (id);
-- The public page and its feed: an organisation's published inputs, newest first.
CREATE INDEX inputs_published ON inputs (organisation_id, published_at) WHERE published_at IS NOT NULL;
