-- Ticket counts by state, kept up to date by the writes themselves, for the counts every page
-- of a technician shows: every ticket, a technician's, a requester's, those a user both handles
-- and asked for (so that "handled or asked" counts them once), and a technician group's. Only
-- tickets not deleted are counted. Reading one is a handful of rows, whatever the number of
-- tickets, instead of a count over tens of thousands after every change.
--
-- Bulk loads (sample data) suspend these triggers with the search index's and rebuild the
-- counts once at the end (`kept_counts::rebuild`).
--
-- kind: 0 every ticket (owner 0), 1 technician, 2 requester, 3 technician and requester the
-- same user, 4 technician group.
CREATE TABLE ticket_counts (
    kind     INTEGER NOT NULL,
    owner    INTEGER NOT NULL,
    state_id INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (kind, owner, state_id)
) WITHOUT ROWID;

INSERT INTO ticket_counts (kind, owner, state_id, n)
SELECT 0, 0, state_id, count(*) FROM tickets WHERE deleted = 0 GROUP BY state_id;
INSERT INTO ticket_counts (kind, owner, state_id, n)
SELECT 1, technician_id, state_id, count(*) FROM tickets
WHERE deleted = 0 AND technician_id IS NOT NULL GROUP BY technician_id, state_id;
INSERT INTO ticket_counts (kind, owner, state_id, n)
SELECT 2, requester_id, state_id, count(*) FROM tickets
WHERE deleted = 0 AND requester_id IS NOT NULL GROUP BY requester_id, state_id;
INSERT INTO ticket_counts (kind, owner, state_id, n)
SELECT 3, requester_id, state_id, count(*) FROM tickets
WHERE deleted = 0 AND requester_id = technician_id GROUP BY requester_id, state_id;
INSERT INTO ticket_counts (kind, owner, state_id, n)
SELECT 4, tech_group_id, state_id, count(*) FROM tickets
WHERE deleted = 0 AND tech_group_id IS NOT NULL GROUP BY tech_group_id, state_id;

CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets
WHEN NEW.deleted = 0 AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT INTO ticket_counts (kind, owner, state_id, n)
    SELECT kind, owner, NEW.state_id, 1 FROM (
        SELECT 0 AS kind, 0 AS owner
        UNION ALL SELECT 1, NEW.technician_id WHERE NEW.technician_id IS NOT NULL
        UNION ALL SELECT 2, NEW.requester_id WHERE NEW.requester_id IS NOT NULL
        UNION ALL SELECT 3, NEW.requester_id WHERE NEW.requester_id = NEW.technician_id
        UNION ALL SELECT 4, NEW.tech_group_id WHERE NEW.tech_group_id IS NOT NULL
    ) WHERE true
    ON CONFLICT (kind, owner, state_id) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets
WHEN OLD.deleted = 0 AND (SELECT suspended FROM search_index) = 0
BEGIN
    INSERT INTO ticket_counts (kind, owner, state_id, n)
    SELECT kind, owner, OLD.state_id, -1 FROM (
        SELECT 0 AS kind, 0 AS owner
        UNION ALL SELECT 1, OLD.technician_id WHERE OLD.technician_id IS NOT NULL
        UNION ALL SELECT 2, OLD.requester_id WHERE OLD.requester_id IS NOT NULL
        UNION ALL SELECT 3, OLD.requester_id WHERE OLD.requester_id = OLD.technician_id
        UNION ALL SELECT 4, OLD.tech_group_id WHERE OLD.tech_group_id IS NOT NULL
    ) WHERE true
    ON CONFLICT (kind, owner, state_id) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER ticket_counts_update
AFTER UPDATE OF state_id, deleted, technician_id, requester_id, tech_group_id ON tickets
WHEN (SELECT suspended FROM search_index) = 0
    AND (OLD.state_id IS NOT NEW.state_id OR OLD.deleted IS NOT NEW.deleted
         OR OLD.technician_id IS NOT NEW.technician_id OR OLD.requester_id IS NOT NEW.requester_id
         OR OLD.tech_group_id IS NOT NEW.tech_group_id)
BEGIN
    INSERT INTO ticket_counts (kind, owner, state_id, n)
    SELECT kind, owner, OLD.state_id, -1 FROM (
        SELECT 0 AS kind, 0 AS owner
        UNION ALL SELECT 1, OLD.technician_id WHERE OLD.technician_id IS NOT NULL
        UNION ALL SELECT 2, OLD.requester_id WHERE OLD.requester_id IS NOT NULL
        UNION ALL SELECT 3, OLD.requester_id WHERE OLD.requester_id = OLD.technician_id
        UNION ALL SELECT 4, OLD.tech_group_id WHERE OLD.tech_group_id IS NOT NULL
    ) WHERE OLD.deleted = 0
    ON CONFLICT (kind, owner, state_id) DO UPDATE SET n = n + excluded.n;
    INSERT INTO ticket_counts (kind, owner, state_id, n)
    SELECT kind, owner, NEW.state_id, 1 FROM (
        SELECT 0 AS kind, 0 AS owner
        UNION ALL SELECT 1, NEW.technician_id WHERE NEW.technician_id IS NOT NULL
        UNION ALL SELECT 2, NEW.requester_id WHERE NEW.requester_id IS NOT NULL
        UNION ALL SELECT 3, NEW.requester_id WHERE NEW.requester_id = NEW.technician_id
        UNION ALL SELECT 4, NEW.tech_group_id WHERE NEW.tech_group_id IS NOT NULL
    ) WHERE NEW.deleted = 0
    ON CONFLICT (kind, owner, state_id) DO UPDATE SET n = n + excluded.n;
END;
