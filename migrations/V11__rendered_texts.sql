-- Texts rendered once when they are saved (Markdown to sanitized HTML) and shown as they are,
-- so that showing a ticket does not parse its texts again. `version` is the renderer's: a row
-- of another version is rendered again when read. Kept apart from their texts so that writing
-- them fires none of the tickets' triggers.
CREATE TABLE ticket_description_html (
    ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
    version   INTEGER NOT NULL,
    html      TEXT NOT NULL
);
CREATE TABLE thread_entry_html (
    entry_id INTEGER PRIMARY KEY REFERENCES thread_entries(id) ON DELETE CASCADE,
    version  INTEGER NOT NULL,
    html     TEXT NOT NULL
);
CREATE TABLE procedure_html (
    procedure_id INTEGER PRIMARY KEY REFERENCES procedures(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    html         TEXT NOT NULL
);
