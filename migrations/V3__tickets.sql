-- Tickets: optimistic locking, the previous state on state events, uploads waiting for their
-- form to be saved, and reminders.

-- Incremented by every save; a save based on an older version is detected, not applied blindly.
ALTER TABLE tickets ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- For "state changed from A to B" entries.
ALTER TABLE thread_entries ADD COLUMN state_from_id INTEGER REFERENCES ticket_states(id);

-- An upload sent with a form that came back with errors waits here (ticket_id NULL) under a
-- random token, so that the user does not have to send it again.
ALTER TABLE attachments ADD COLUMN pending_token TEXT;
CREATE INDEX attachments_pending ON attachments(pending_token) WHERE pending_token IS NOT NULL;
CREATE INDEX attachments_uploaded ON attachments(uploaded_at) WHERE ticket_id IS NULL;

-- A bell on a ticket: a reminder for its technician at a date and time.
CREATE TABLE reminders (
    id            INTEGER PRIMARY KEY,
    ticket_id     INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    technician_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    due_at        INTEGER NOT NULL,
    text          TEXT NOT NULL DEFAULT '',
    done          INTEGER NOT NULL DEFAULT 0,
    created_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX reminders_due ON reminders(technician_id, done, due_at);
CREATE INDEX reminders_ticket ON reminders(ticket_id);
