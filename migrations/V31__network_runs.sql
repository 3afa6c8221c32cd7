-- The network tools' runs: each ping of every asset (scheduled or asked) and each
-- network discovery, with how it probed and what it found. The scheduled ping reads the last
-- one to know when the next is due; the pages list them.
CREATE TABLE network_runs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('ping', 'scan')),
    network_id  INTEGER REFERENCES asset_networks(id) ON DELETE SET NULL,
    author_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    dry_run     INTEGER NOT NULL DEFAULT 0,
    method      TEXT NOT NULL DEFAULT '',
    started_at  INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    probed      INTEGER NOT NULL DEFAULT 0,
    answered    INTEGER NOT NULL DEFAULT 0,
    created     INTEGER NOT NULL DEFAULT 0,
    filled      INTEGER NOT NULL DEFAULT 0,
    stopped     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX network_runs_kind_started ON network_runs(kind, started_at);

-- Network discovery takes effect with this version: administrators may run it from the start
-- (GestSup grants its right to no profile, as it did nothing from the pages there).
INSERT OR IGNORE INTO profile_rights (profile_id, right_name) VALUES (4, 'asset_net_scan');
