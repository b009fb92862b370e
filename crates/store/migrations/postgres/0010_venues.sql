-- The places an organisation holds its activities, with what each offers for access.
CREATE TABLE venues (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    address TEXT,
    postcode TEXT,
    notes TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX venues_organisation ON venues (organisation_id, id);

CREATE TABLE venue_features (
    venue_id BIGINT NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
    feature TEXT NOT NULL,
    PRIMARY KEY (venue_id, feature)
);
