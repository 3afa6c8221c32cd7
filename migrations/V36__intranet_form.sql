-- The intranet form: a ticket form anyone on the intranet may fill in without an account,
-- embedded in an intranet page (in a frame, or as a plain HTML form posting here). One row of
-- configuration; the key signs the time each form was shown (the time check).
CREATE TABLE intranet_form (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    enabled           INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    -- The origins (scheme://host[:port]) allowed to frame the form or post to it, one per line.
    origins           TEXT NOT NULL DEFAULT '',
    -- An address no account has: 1 makes a requester account for it, 0 refuses the form.
    create_requesters INTEGER NOT NULL DEFAULT 1 CHECK (create_requesters IN (0, 1)),
    category_id       INTEGER REFERENCES categories(id) ON DELETE SET NULL,
    service_id        INTEGER REFERENCES services(id) ON DELETE SET NULL,
    ask_name          INTEGER NOT NULL DEFAULT 1 CHECK (ask_name IN (0, 1)),
    ask_category      INTEGER NOT NULL DEFAULT 0 CHECK (ask_category IN (0, 1)),
    ask_type          INTEGER NOT NULL DEFAULT 0 CHECK (ask_type IN (0, 1)),
    -- Forms taken per address and hour.
    per_hour          INTEGER NOT NULL DEFAULT 5 CHECK (per_hour BETWEEN 1 AND 1000),
    -- A form sent sooner than this after it was shown is taken for a robot's.
    min_seconds       INTEGER NOT NULL DEFAULT 3 CHECK (min_seconds BETWEEN 0 AND 600),
    key               TEXT NOT NULL
);
INSERT INTO intranet_form (id, key) VALUES (1, lower(hex(randomblob(32))));

-- The forms taken, by address, for the per-address limit.
CREATE TABLE intranet_submissions (
    id        INTEGER PRIMARY KEY,
    ip        TEXT NOT NULL,
    at        INTEGER NOT NULL,
    ticket_id INTEGER
);
CREATE INDEX intranet_submissions_ip ON intranet_submissions(ip, at);
