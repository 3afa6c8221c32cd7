-- Incoming mail: the mailboxes read, every mail handled (one row per Message-ID, so that a mail
-- read twice, from one mailbox or two, is handled once), the mails kept aside because they could
-- not be read, and each fetch with its figures.
CREATE TABLE mailboxes (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL COLLATE NOCASE UNIQUE,
    enabled              INTEGER NOT NULL DEFAULT 1,
    host                 TEXT NOT NULL,
    port                 INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    security             TEXT NOT NULL CHECK (security IN ('none', 'starttls', 'tls')),
    accept_invalid_certs INTEGER NOT NULL DEFAULT 0,
    login                TEXT NOT NULL,
    password             TEXT NOT NULL DEFAULT '',
    folder               TEXT NOT NULL DEFAULT 'INBOX',
    after                TEXT NOT NULL DEFAULT 'read' CHECK (after IN ('read', 'move', 'delete')),
    move_to              TEXT NOT NULL DEFAULT '',
    service_id           INTEGER REFERENCES services(id) ON DELETE SET NULL,
    category_id          INTEGER REFERENCES categories(id) ON DELETE SET NULL,
    excluded             TEXT NOT NULL DEFAULT '',
    interval_minutes     INTEGER NOT NULL DEFAULT 5 CHECK (interval_minutes BETWEEN 1 AND 1440),
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
);

CREATE TABLE mails_handled (
    key             TEXT PRIMARY KEY,
    mailbox_id      INTEGER REFERENCES mailboxes(id) ON DELETE SET NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('ticket', 'reply', 'ignored', 'rejected')),
    -- Why it was ignored or kept aside, or why a reply became a ticket (a code).
    reason          TEXT NOT NULL DEFAULT '',
    ticket_id       INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    thread_entry_id INTEGER REFERENCES thread_entries(id) ON DELETE SET NULL,
    sender          TEXT NOT NULL DEFAULT '',
    message_id      TEXT NOT NULL DEFAULT '',
    handled_at      INTEGER NOT NULL
);
CREATE INDEX mails_handled_ticket ON mails_handled(ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX mails_handled_entry ON mails_handled(thread_entry_id) WHERE thread_entry_id IS NOT NULL;

CREATE TABLE mail_rejects (
    id          INTEGER PRIMARY KEY,
    mailbox_id  INTEGER REFERENCES mailboxes(id) ON DELETE SET NULL,
    received_at INTEGER NOT NULL,
    sender      TEXT NOT NULL DEFAULT '',
    subject     TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    -- The mail as read; only its header when it was too large to read whole.
    raw         BLOB NOT NULL
);
CREATE INDEX mail_rejects_received ON mail_rejects(received_at);

CREATE TABLE mail_fetches (
    id           INTEGER PRIMARY KEY,
    mailbox_id   INTEGER REFERENCES mailboxes(id) ON DELETE SET NULL,
    mailbox_name TEXT NOT NULL,
    trigger      TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual', 'command')),
    started_at   INTEGER NOT NULL,
    finished_at  INTEGER NOT NULL,
    read         INTEGER NOT NULL DEFAULT 0,
    tickets      INTEGER NOT NULL DEFAULT 0,
    replies      INTEGER NOT NULL DEFAULT 0,
    ignored      INTEGER NOT NULL DEFAULT 0,
    rejected     INTEGER NOT NULL DEFAULT 0,
    errors       INTEGER NOT NULL DEFAULT 0,
    -- What stopped the fetch, as a code the pages translate, with the server's words in the log.
    failure      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_fetches_mailbox_started ON mail_fetches(mailbox_id, started_at);
CREATE INDEX mail_fetches_started ON mail_fetches(started_at);

-- The outbox learns the reply to a sender whose mail was refused.
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY,
    created_at      INTEGER NOT NULL,
    ticket_id       INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    thread_entry_id INTEGER REFERENCES thread_entries(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('opened', 'closed', 'reply', 'user_change', 'new_ticket', 'manual', 'test',
                         'password_reset', 'validation_reminder', 'mail_refused')),
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
