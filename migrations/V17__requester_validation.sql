-- Requester validation (GestSup's `user_validation`): a ticket a technician resolves waits for
-- its requester to accept the resolution or reopen the ticket; without an answer it is
-- accepted after a delay. Which tickets ask: every one, or those whose type asks
-- (`ticket_types.user_validation`), but never those of a category or subcategory excluded here
-- (GestSup's `tparameters_user_validation_exclusion`).
ALTER TABLE categories ADD COLUMN no_user_validation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subcategories ADD COLUMN no_user_validation INTEGER NOT NULL DEFAULT 0;

-- When the resolution was put to the requester (NULL: not asked, or answered), when the
-- reminder went, and how it ended: 'accepted' (by the requester), 'confirmed' (a technician
-- recorded the requester's answer), 'expired' (accepted after the delay).
ALTER TABLE tickets ADD COLUMN validation_asked_at INTEGER;
ALTER TABLE tickets ADD COLUMN validation_reminded_at INTEGER;
ALTER TABLE tickets ADD COLUMN validation_answered_at INTEGER;
ALTER TABLE tickets ADD COLUMN validation_answer TEXT
    CHECK (validation_answer IN ('accepted', 'confirmed', 'expired'));
ALTER TABLE tickets ADD COLUMN validation_answered_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
CREATE INDEX tickets_awaiting_validation ON tickets(validation_asked_at)
    WHERE validation_asked_at IS NOT NULL AND validation_answered_at IS NULL;

-- The outbox learns the validation reminder's kind.
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY,
    created_at      INTEGER NOT NULL,
    ticket_id       INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    thread_entry_id INTEGER REFERENCES thread_entries(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('opened', 'closed', 'reply', 'user_change', 'new_ticket', 'manual', 'test',
                         'password_reset', 'validation_reminder')),
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
