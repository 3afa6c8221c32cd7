-- Ticket lists: full-text search, a change counter for live updates and cached counters, and an
-- index for counting tickets by state.

-- Full-text search over tickets: the number, title, description, the requester's name, and the
-- thread's text, with the replies hidden from requesters kept apart so that a requester's search
-- never matches them. Accents are folded ("telephone" finds "téléphone"). The index keeps no copy
-- of the text (contentless) and no word positions (column detail is enough for prefix words and
-- column filters): a ticket's entry is rewritten whole whenever something it holds changes.
CREATE VIRTUAL TABLE tickets_fts USING fts5(
    number, title, description, requester, thread, private_thread,
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column,
    content = '',
    contentless_delete = 1
);

-- Bulk loads (sample data, imports) suspend the index triggers inside their transaction and
-- rebuild the index once at the end.
CREATE TABLE search_index (suspended INTEGER NOT NULL DEFAULT 0);
INSERT INTO search_index (suspended) VALUES (0);

CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets
WHEN (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread)
    SELECT t.id, t.id, t.title, t.description,
           COALESCE((SELECT firstname || ' ' || lastname || ' ' || login FROM users WHERE id = t.requester_id),
                    (SELECT name FROM groups WHERE id = t.user_group_id), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 0), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 1), '')
    FROM tickets t WHERE t.id = NEW.id;
END;

CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description, requester_id, user_group_id ON tickets
WHEN (SELECT suspended FROM search_index) = 0
    AND (OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description
         OR OLD.requester_id IS NOT NEW.requester_id OR OLD.user_group_id IS NOT NEW.user_group_id)
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread)
    SELECT t.id, t.id, t.title, t.description,
           COALESCE((SELECT firstname || ' ' || lastname || ' ' || login FROM users WHERE id = t.requester_id),
                    (SELECT name FROM groups WHERE id = t.user_group_id), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 0), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 1), '')
    FROM tickets t WHERE t.id = NEW.id;
END;

CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets
BEGIN
    DELETE FROM tickets_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER thread_fts_insert AFTER INSERT ON thread_entries
WHEN NEW.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread)
    SELECT t.id, t.id, t.title, t.description,
           COALESCE((SELECT firstname || ' ' || lastname || ' ' || login FROM users WHERE id = t.requester_id),
                    (SELECT name FROM groups WHERE id = t.user_group_id), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 0), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 1), '')
    FROM tickets t WHERE t.id = NEW.ticket_id;
END;

CREATE TRIGGER thread_fts_update AFTER UPDATE OF body, private ON thread_entries
WHEN NEW.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread)
    SELECT t.id, t.id, t.title, t.description,
           COALESCE((SELECT firstname || ' ' || lastname || ' ' || login FROM users WHERE id = t.requester_id),
                    (SELECT name FROM groups WHERE id = t.user_group_id), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 0), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 1), '')
    FROM tickets t WHERE t.id = NEW.ticket_id;
END;

CREATE TRIGGER thread_fts_delete AFTER DELETE ON thread_entries
WHEN OLD.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread)
    SELECT t.id, t.id, t.title, t.description,
           COALESCE((SELECT firstname || ' ' || lastname || ' ' || login FROM users WHERE id = t.requester_id),
                    (SELECT name FROM groups WHERE id = t.user_group_id), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 0), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 1), '')
    FROM tickets t WHERE t.id = OLD.ticket_id;
END;

CREATE TRIGGER users_fts_rename AFTER UPDATE OF firstname, lastname, login ON users
WHEN (SELECT suspended FROM search_index) = 0
    AND (OLD.firstname IS NOT NEW.firstname OR OLD.lastname IS NOT NEW.lastname OR OLD.login IS NOT NEW.login)
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread)
    SELECT t.id, t.id, t.title, t.description,
           COALESCE((SELECT firstname || ' ' || lastname || ' ' || login FROM users WHERE id = t.requester_id),
                    (SELECT name FROM groups WHERE id = t.user_group_id), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 0), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 1), '')
    FROM tickets t WHERE t.requester_id = NEW.id;
END;

CREATE TRIGGER groups_fts_rename AFTER UPDATE OF name ON groups
WHEN (SELECT suspended FROM search_index) = 0 AND OLD.name IS NOT NEW.name AND NEW.kind = 'user'
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread)
    SELECT t.id, t.id, t.title, t.description,
           COALESCE((SELECT firstname || ' ' || lastname || ' ' || login FROM users WHERE id = t.requester_id),
                    (SELECT name FROM groups WHERE id = t.user_group_id), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 0), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 1), '')
    FROM tickets t WHERE t.user_group_id = NEW.id AND t.requester_id IS NULL;
END;

-- The tickets already there.
INSERT INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread)
SELECT t.id, t.id, t.title, t.description,
           COALESCE((SELECT firstname || ' ' || lastname || ' ' || login FROM users WHERE id = t.requester_id),
                    (SELECT name FROM groups WHERE id = t.user_group_id), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 0), ''),
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 1), '')
    FROM tickets t;

-- Counts every change to a ticket, whoever makes it (the web, the command line, another
-- process): live updates and cached counters compare it with what they last saw.
CREATE TABLE change_counter (tickets INTEGER NOT NULL);
INSERT INTO change_counter (tickets) VALUES (0);
CREATE TRIGGER tickets_changed_insert AFTER INSERT ON tickets
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER tickets_changed_update AFTER UPDATE ON tickets
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER tickets_changed_delete AFTER DELETE ON tickets
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
-- The paperclip in lists follows a ticket's attachments.
CREATE TRIGGER attachments_changed_insert AFTER INSERT ON attachments
WHEN NEW.ticket_id IS NOT NULL
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER attachments_changed_link AFTER UPDATE OF ticket_id ON attachments
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER attachments_changed_delete AFTER DELETE ON attachments
WHEN OLD.ticket_id IS NOT NULL
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;

-- Counting by state (menu counters, paging by state) reads only this index.
CREATE INDEX tickets_deleted_state ON tickets(deleted, state_id);
-- "Advanced" (a technician's text reply) in a period, for the activity view.
CREATE INDEX thread_entries_kind_created ON thread_entries(kind, created_at, ticket_id);
-- Hoped dates, for sorting and the overdue marker.
CREATE INDEX tickets_hope_date ON tickets(hope_date) WHERE hope_date IS NOT NULL;
