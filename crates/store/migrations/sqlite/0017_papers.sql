-- Meeting papers: each file kept with its activity, its type as read from its
-- content, its size and SHA-256, the form it is written in (standard, Easy Read,
-- large print, audio), and when it was first sent to the people coming.
CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities (id),
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    format TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    added_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX papers_activity ON papers (activity_id, id);
