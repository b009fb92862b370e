-- Invitations to activities and the replies people give. An activity's version is
-- raised by every change: it tells a second editor that someone changed it first,
-- and is the SEQUENCE of its calendar event. A cancelled activity keeps its record.
ALTER TABLE activities ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN cancelled_at TIMESTAMPTZ;

CREATE TABLE invitations (
    id BIGSERIAL PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    place TEXT NOT NULL,
    reach TEXT NOT NULL,
    reply TEXT,
    replied_at TIMESTAMPTZ,
    invited_at TIMESTAMPTZ NOT NULL,
    offered_at TIMESTAMPTZ,
    CONSTRAINT invitations_once UNIQUE (activity_id, person_id)
);
CREATE INDEX invitations_person ON invitations (person_id);
CREATE INDEX invitations_waiting ON invitations (activity_id, place, invited_at);

-- The reply links sent with each message about an invitation: only their hashes.
CREATE TABLE reply_links (
    token_hash TEXT PRIMARY KEY,
    invitation_id BIGINT NOT NULL REFERENCES invitations (id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX reply_links_invitation ON reply_links (invitation_id);

-- A person's calendar feed: the hash of its secret address, replaced on request.
CREATE TABLE calendar_feeds (
    person_id BIGINT PRIMARY KEY REFERENCES people (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

-- The public calendar feed reads events by type and time.
CREATE INDEX activities_type_starts ON activities (activity_type, starts_at);
