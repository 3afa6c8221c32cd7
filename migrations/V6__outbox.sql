-- Outgoing mail. Every mail is written here in the same transaction as the change that causes
-- it, already rendered (subject, HTML and plain text in the recipient's language), then sent by
-- the server's mail worker: `queued` -> `sending` -> `sent`, or back to `queued` with a later
-- `next_at` after a temporary failure, or `failed` with the SMTP server's answer.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    created_at      INTEGER NOT NULL,
    ticket_id       INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    thread_entry_id INTEGER REFERENCES thread_entries(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('opened', 'closed', 'reply', 'user_change', 'new_ticket', 'manual', 'test')),
    -- The address of whoever caused the mail, used as sender when no fixed sender is set.
    author_addr     TEXT NOT NULL DEFAULT '',
    to_addrs        TEXT NOT NULL,                  -- one address per line
    cc_addrs        TEXT NOT NULL DEFAULT '',       -- one address per line
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
CREATE INDEX outbox_due ON outbox(state, next_at);
CREATE INDEX outbox_created ON outbox(created_at);
CREATE INDEX outbox_ticket ON outbox(ticket_id);
CREATE INDEX outbox_thread_entry ON outbox(thread_entry_id);
