-- What the SMTP connector last did, for the system page: when a mail last went through and the
-- last error the server or the connection gave. One row per connector ('smtp'); the mailboxes
-- and the directory keep their own history (mail_fetches, directory_runs).
CREATE TABLE connector_status (
    connector       TEXT PRIMARY KEY,
    last_success_at INTEGER,
    last_error_at   INTEGER,
    last_error      TEXT NOT NULL DEFAULT ''
);
