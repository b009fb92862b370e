-- An activity is a draft until it is published; one may be published only once its
-- project says what people can change and what they cannot. Activities that already
-- exist were recorded as happening, so they count as published when recorded.
ALTER TABLE activities ADD COLUMN published_at TIMESTAMPTZ;
UPDATE activities SET published_at = starts_at;
