-- "Not read yet": one technician's unread tickets, counted on every page of a technician.
CREATE INDEX tickets_technician_unread ON tickets(technician_id, tech_read, deleted, state_id);
