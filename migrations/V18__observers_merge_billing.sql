-- Observers, merging and billing (GestSup's `observer1..3`, `ticket_fusion` and `billable`).

-- People and technician groups who follow a ticket: they see it, find it under "Tickets I
-- observe" and get its mails. GestSup keeps three per ticket; here there is no fixed count.
CREATE TABLE ticket_observers (
    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    user_id   INTEGER REFERENCES users(id) ON DELETE CASCADE,
    group_id  INTEGER REFERENCES groups(id) ON DELETE CASCADE,
    added_at  INTEGER NOT NULL,
    added_by  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX ticket_observers_user ON ticket_observers(ticket_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX ticket_observers_group ON ticket_observers(ticket_id, group_id) WHERE group_id IS NOT NULL;
CREATE INDEX ticket_observers_by_user ON ticket_observers(user_id, ticket_id) WHERE user_id IS NOT NULL;
CREATE INDEX ticket_observers_by_group ON ticket_observers(group_id, ticket_id) WHERE group_id IS NOT NULL;

-- Whether the work on a ticket is billed.
ALTER TABLE tickets ADD COLUMN billable INTEGER NOT NULL DEFAULT 0;

-- A ticket merged into another points to it (and is closed).
ALTER TABLE tickets ADD COLUMN merged_into_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL;
CREATE INDEX tickets_merged_into ON tickets(merged_into_id) WHERE merged_into_id IS NOT NULL;

-- The thread learns the new events: an observer added or removed (the user or group in
-- tech_to_id / group_to_id, or tech_from_id / group_from_id), and a merge, with the other
-- ticket. SQLite cannot change a CHECK in place: the table is rebuilt (foreign keys are off
-- while migrations run, and checked after them), then its indexes and triggers are made again.
CREATE TABLE thread_entries_new (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    author_id       INTEGER REFERENCES users(id),
    kind            TEXT NOT NULL CHECK (kind IN
                        ('text', 'opened', 'assigned', 'state', 'closed', 'attachment',
                         'attachment_removed', 'mail', 'observer_added', 'observer_removed',
                         'merged_into', 'merged_from')),
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
    state_from_id)
SELECT id, ticket_id, created_at, author_id, kind, body, tech_from_id, tech_to_id, group_from_id,
    group_to_id, state_id, private, mail_to, time_minutes, edited_at, state_from_id
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
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
    SELECT * FROM tickets_fts_source WHERE rowid = NEW.ticket_id;
END;

-- A reply moved to another ticket (a merge) is found under its new ticket, no more under the old.
CREATE TRIGGER thread_fts_update AFTER UPDATE OF body, private, ticket_id ON thread_entries
WHEN NEW.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
    SELECT * FROM tickets_fts_source WHERE rowid IN (NEW.ticket_id, OLD.ticket_id);
END;

CREATE TRIGGER thread_fts_delete AFTER DELETE ON thread_entries
WHEN OLD.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
    SELECT * FROM tickets_fts_source WHERE rowid = OLD.ticket_id;
END;

-- Counts and cached menus follow observers as they follow tickets.
CREATE TRIGGER ticket_observers_counted_insert AFTER INSERT ON ticket_observers
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER ticket_observers_counted_delete AFTER DELETE ON ticket_observers
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
