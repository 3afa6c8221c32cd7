-- Search finds "Wi-Fi" for "wifi" (and the reverse) and tickets by their requester's mail
-- address. The index gains a column holding the words joined at their hyphens ("Wi-Fi" is also
-- "WiFi"); the requester column holds the requester's mail. One view computes a ticket's row of
-- the index for every trigger and for rebuilds.

DROP TRIGGER tickets_fts_insert;
DROP TRIGGER tickets_fts_update;
DROP TRIGGER tickets_fts_delete;
DROP TRIGGER thread_fts_insert;
DROP TRIGGER thread_fts_update;
DROP TRIGGER thread_fts_delete;
DROP TRIGGER users_fts_rename;
DROP TRIGGER groups_fts_rename;
DROP TABLE tickets_fts;

CREATE VIRTUAL TABLE tickets_fts USING fts5(
    number, title, description, requester, thread, private_thread, joined,
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column,
    content = '',
    contentless_delete = 1
);

CREATE VIEW tickets_fts_source AS
SELECT id AS rowid, id AS number, title, description, requester, thread, private_thread,
       CASE WHEN instr(public_text, '-') > 0 THEN replace(public_text, '-', '') ELSE '' END AS joined
FROM (
    SELECT t.id, t.title, t.description,
           COALESCE((SELECT firstname || ' ' || lastname || ' ' || login || ' ' || mail
                     FROM users WHERE id = t.requester_id),
                    (SELECT name FROM groups WHERE id = t.user_group_id), '') AS requester,
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 0), '') AS thread,
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 1), '') AS private_thread,
           t.title || ' ' || t.description || ' ' ||
           COALESCE((SELECT group_concat(body, ' ') FROM thread_entries
                     WHERE ticket_id = t.id AND kind = 'text' AND private = 0), '') AS public_text
    FROM tickets t
);

CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets
WHEN (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
    SELECT * FROM tickets_fts_source WHERE rowid = NEW.id;
END;

CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description, requester_id, user_group_id ON tickets
WHEN (SELECT suspended FROM search_index) = 0
    AND (OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description
         OR OLD.requester_id IS NOT NEW.requester_id OR OLD.user_group_id IS NOT NEW.user_group_id)
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
    SELECT * FROM tickets_fts_source WHERE rowid = NEW.id;
END;

CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets
BEGIN
    DELETE FROM tickets_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER thread_fts_insert AFTER INSERT ON thread_entries
WHEN NEW.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
    SELECT * FROM tickets_fts_source WHERE rowid = NEW.ticket_id;
END;

CREATE TRIGGER thread_fts_update AFTER UPDATE OF body, private ON thread_entries
WHEN NEW.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
    SELECT * FROM tickets_fts_source WHERE rowid = NEW.ticket_id;
END;

CREATE TRIGGER thread_fts_delete AFTER DELETE ON thread_entries
WHEN OLD.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
    SELECT * FROM tickets_fts_source WHERE rowid = OLD.ticket_id;
END;

CREATE TRIGGER users_fts_rename AFTER UPDATE OF firstname, lastname, login, mail ON users
WHEN (SELECT suspended FROM search_index) = 0
    AND (OLD.firstname IS NOT NEW.firstname OR OLD.lastname IS NOT NEW.lastname
         OR OLD.login IS NOT NEW.login OR OLD.mail IS NOT NEW.mail)
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
    SELECT * FROM tickets_fts_source
    WHERE rowid IN (SELECT id FROM tickets WHERE requester_id = NEW.id);
END;

CREATE TRIGGER groups_fts_rename AFTER UPDATE OF name ON groups
WHEN (SELECT suspended FROM search_index) = 0 AND OLD.name IS NOT NEW.name AND NEW.kind = 'user'
BEGIN
    INSERT OR REPLACE INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
    SELECT * FROM tickets_fts_source
    WHERE rowid IN (SELECT id FROM tickets WHERE user_group_id = NEW.id AND requester_id IS NULL);
END;

INSERT INTO tickets_fts (rowid, number, title, description, requester, thread, private_thread, joined)
SELECT * FROM tickets_fts_source;
