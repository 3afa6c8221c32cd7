-- The calendar: interventions planned on tickets, each technician's private calendar feed, and
-- the thread and outbox kinds that record them (with those of satisfaction surveys).

-- An intervention: a technician at a ticket between two times. An all-day one runs from a
-- local midnight to the midnight after its last day. `version` guards a change made from a page
-- that showed an older state.
CREATE TABLE interventions (
    id            INTEGER PRIMARY KEY,
    ticket_id     INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    technician_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    starts_at     INTEGER NOT NULL,
    ends_at       INTEGER NOT NULL CHECK (ends_at > starts_at),
    all_day       INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
    note          TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 0,
    created_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX interventions_technician_starts ON interventions(technician_id, starts_at);
CREATE INDEX interventions_starts ON interventions(starts_at);
CREATE INDEX interventions_ticket ON interventions(ticket_id);
-- Reminders by date, for the calendar of every technician.
CREATE INDEX reminders_due_at ON reminders(due_at) WHERE done = 0;

-- A technician's calendar feed: the SHA-256 of the secret in its address. Making a new one
-- replaces the row, so the old address stops working.
CREATE TABLE calendar_feeds (
    user_id      INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_read_at INTEGER
);

-- The thread learns interventions (planned, changed, removed: the technician in tech_to_id and
-- "start end all-day" in body) and surveys (sent, answered). SQLite cannot change a CHECK in
-- place: the table is rebuilt, then its indexes and triggers are made again.
CREATE TABLE thread_entries_new (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    author_id       INTEGER REFERENCES users(id),
    kind            TEXT NOT NULL CHECK (kind IN
                        ('text', 'opened', 'assigned', 'state', 'closed', 'attachment',
                         'attachment_removed', 'mail', 'observer_added', 'observer_removed',
                         'merged_into', 'merged_from', 'intervention_planned',
                         'intervention_changed', 'intervention_removed', 'survey_sent',
                         'survey_answered')),
    body            TEXT NOT NULL DEFAULT '',
    tech_from_id    INTEGER REFERENCES users(id),
    tech_to_id      INTEGER REFERENCES users(id),
    group_from_id   INTEGER REFERENCES groups(id),
    group_to_id     INTEGER REFERENCES groups(id),
    state_id        INTEGER REFERENCES ticket_states(id),
    private         INTEGER NOT NULL DEFAULT 0,
    mail_to         TEXT NOT NULL DEFAULT '',
    time_minutes    INTEGER NOT NULL DEFAULT 0,
    edited_at       INTEGER,
    state_from_id   INTEGER REFERENCES ticket_states(id),
    other_ticket_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL
);
INSERT INTO thread_entries_new (id, ticket_id, created_at, author_id, kind, body, tech_from_id,
    tech_to_id, group_from_id, group_to_id, state_id, private, mail_to, time_minutes, edited_at,
    state_from_id, other_ticket_id)
SELECT id, ticket_id, created_at, author_id, kind, body, tech_from_id, tech_to_id, group_from_id,
    group_to_id, state_id, private, mail_to, time_minutes, edited_at, state_from_id,
    other_ticket_id
FROM thread_entries;
DROP TABLE thread_entries;
ALTER TABLE thread_entries_new RENAME TO thread_entries;

CREATE INDEX thread_entries_ticket ON thread_entries(ticket_id, created_at, id);
CREATE INDEX thread_entries_author_created ON thread_entries(author_id, created_at);
CREATE INDEX thread_entries_created_kind ON thread_entries(created_at, kind);
CREATE INDEX thread_entries_kind_created ON thread_entries(kind, created_at, ticket_id);

CREATE TRIGGER thread_fts_insert AFTER INSERT ON thread_entries
WHEN NEW.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (NEW.ticket_id);
END;
CREATE TRIGGER thread_fts_update AFTER UPDATE OF body, private, ticket_id ON thread_entries
WHEN NEW.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (NEW.ticket_id);
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (OLD.ticket_id);
END;
CREATE TRIGGER thread_fts_delete AFTER DELETE ON thread_entries
WHEN OLD.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (OLD.ticket_id);
END;

-- The outbox learns the intervention and survey mails, and carries an iCalendar invitation
-- (empty: none) sent as an attachment.
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY,
    created_at      INTEGER NOT NULL,
    ticket_id       INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    thread_entry_id INTEGER REFERENCES thread_entries(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('opened', 'closed', 'reply', 'user_change', 'new_ticket', 'manual', 'test',
                         'password_reset', 'validation_reminder', 'mail_refused',
                         'intervention', 'survey')),
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
    sent_at         INTEGER,
    calendar        TEXT NOT NULL DEFAULT ''
);
INSERT INTO outbox_new (id, created_at, ticket_id, thread_entry_id, kind, author_addr, to_addrs,
    cc_addrs, subject, html, text, message_id, state, attempts, next_at, last_error, sent_at)
SELECT id, created_at, ticket_id, thread_entry_id, kind, author_addr, to_addrs, cc_addrs,
    subject, html, text, message_id, state, attempts, next_at, last_error, sent_at
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(state, next_at);
CREATE INDEX outbox_created ON outbox(created_at);
CREATE INDEX outbox_ticket ON outbox(ticket_id);
CREATE INDEX outbox_thread_entry ON outbox(thread_entry_id);
