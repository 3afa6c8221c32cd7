-- The search index is written in batches. A change to a ticket, its thread or its requester's
-- name puts the ticket in `search_pending`; the server indexes what waits there a few times a
-- second, and always before a search runs. One index write then covers many changes, instead
-- of one per transaction with its merge work (most of the cost of opening a ticket).
CREATE TABLE search_pending (ticket_id INTEGER PRIMARY KEY);

DROP TRIGGER tickets_fts_insert;
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets
WHEN (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (NEW.id);
END;

DROP TRIGGER tickets_fts_update;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description, requester_id, user_group_id ON tickets
WHEN (SELECT suspended FROM search_index) = 0
    AND (OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description
         OR OLD.requester_id IS NOT NEW.requester_id OR OLD.user_group_id IS NOT NEW.user_group_id)
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (NEW.id);
END;

DROP TRIGGER tickets_fts_delete;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (OLD.id);
END;

DROP TRIGGER users_fts_rename;
CREATE TRIGGER users_fts_rename AFTER UPDATE OF firstname, lastname, login, mail ON users
WHEN (SELECT suspended FROM search_index) = 0
    AND (OLD.firstname IS NOT NEW.firstname OR OLD.lastname IS NOT NEW.lastname
         OR OLD.login IS NOT NEW.login OR OLD.mail IS NOT NEW.mail)
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id)
    SELECT id FROM tickets WHERE requester_id = NEW.id;
END;

DROP TRIGGER groups_fts_rename;
CREATE TRIGGER groups_fts_rename AFTER UPDATE OF name ON groups
WHEN (SELECT suspended FROM search_index) = 0 AND OLD.name IS NOT NEW.name AND NEW.kind = 'user'
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id)
    SELECT id FROM tickets WHERE user_group_id = NEW.id AND requester_id IS NULL;
END;

DROP TRIGGER thread_fts_insert;
CREATE TRIGGER thread_fts_insert AFTER INSERT ON thread_entries
WHEN NEW.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (NEW.ticket_id);
END;

-- A reply moved to another ticket (a merge) is found under its new ticket, no more under the old.
DROP TRIGGER thread_fts_update;
CREATE TRIGGER thread_fts_update AFTER UPDATE OF body, private, ticket_id ON thread_entries
WHEN NEW.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (NEW.ticket_id);
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (OLD.ticket_id);
END;

DROP TRIGGER thread_fts_delete;
CREATE TRIGGER thread_fts_delete AFTER DELETE ON thread_entries
WHEN OLD.kind = 'text' AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT OR IGNORE INTO search_pending (ticket_id) VALUES (OLD.ticket_id);
END;
