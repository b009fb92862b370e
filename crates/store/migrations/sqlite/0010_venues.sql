-- The places an organisation holds its activities, with what each offers for access.
CREATE TABLE venues (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    address TEXT,
    postcode TEXT,
    notes TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX venues_organisation ON venues (organisation_id, id);

CREATE TABLE venue_features (
    venue_id INTEGER NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
    feature TEXT NOT NULL,
    PRIMARY KEY (venue_id, feature)
);
