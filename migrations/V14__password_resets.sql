-- Forgotten passwords: a single-use link mailed to the account's address. Only the SHA-256 of
-- the link's token is kept; it expires after an hour and dies once used or when a newer one is
-- asked for. Requests are counted per account and per address to throttle them.
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    ip         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX password_resets_user ON password_resets(user_id, created_at);
CREATE INDEX password_resets_ip ON password_resets(ip, created_at);

-- The outbox learns the reset mail's kind (SQLite changes a CHECK by rebuilding the table).
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY,
    created_at      INTEGER NOT NULL,
    ticket_id       INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    thread_entry_id INTEGER REFERENCES thread_entries(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('opened', 'closed', 'reply', 'user_change', 'new_ticket', 'manual', 'test',
                         'password_reset')),
    author_addr     TEXT NOT NULL DEFAULT '',
    to_addrs        TEXT NOT NULL,
    cc_addrs        TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL,
    html            TEXT NOT NULL,
    text            TEXT NOT NULL,
    message_id      TEXT NOT NULL UNIQUE,
    state           TEXT NOT NULL DEFAULT 'queued'
                        CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_at         INTEGER NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    sent_at         INTEGER
);
INSERT INTO outbox_new SELECT * FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(state, next_at);
CREATE INDEX outbox_created ON outbox(created_at);
CREATE INDEX outbox_ticket ON outbox(ticket_id);
CREATE INDEX outbox_thread_entry ON outbox(thread_entry_id);
