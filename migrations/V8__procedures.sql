-- Procedures: shared how-tos (title, Markdown text, files) filed under a ticket category and
-- subcategory, optionally tied to a company, published or not to requesters.
CREATE TABLE procedures (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL DEFAULT '',
    category_id    INTEGER REFERENCES categories(id) ON DELETE SET NULL,
    subcategory_id INTEGER REFERENCES subcategories(id) ON DELETE SET NULL,
    company_id     INTEGER REFERENCES companies(id) ON DELETE SET NULL,
    published      INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    created_by     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at     INTEGER NOT NULL,
    updated_by     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at     INTEGER NOT NULL,
    -- Raised by every save: a save based on an older version is refused, not merged.
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX procedures_category ON procedures(category_id, subcategory_id);
CREATE INDEX procedures_updated ON procedures(updated_at);

-- Full-text search over title and text, accents folded, kept by triggers (external content:
-- the text is read from `procedures`).
CREATE VIRTUAL TABLE procedures_fts USING fts5(
    title, body,
    tokenize = 'unicode61 remove_diacritics 2',
    content = 'procedures',
    content_rowid = 'id'
);
CREATE TRIGGER procedures_fts_insert AFTER INSERT ON procedures BEGIN
    INSERT INTO procedures_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER procedures_fts_delete AFTER DELETE ON procedures BEGIN
    INSERT INTO procedures_fts (procedures_fts, rowid, title, body)
    VALUES ('delete', OLD.id, OLD.title, OLD.body);
END;
CREATE TRIGGER procedures_fts_update AFTER UPDATE OF title, body ON procedures BEGIN
    INSERT INTO procedures_fts (procedures_fts, rowid, title, body)
    VALUES ('delete', OLD.id, OLD.title, OLD.body);
    INSERT INTO procedures_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;

-- A procedure's files live with the other attachments (same store, checks, backups and
-- reconciliation), linked to the procedure instead of a ticket.
ALTER TABLE attachments ADD COLUMN procedure_id INTEGER REFERENCES procedures(id) ON DELETE CASCADE;
CREATE INDEX attachments_procedure ON attachments(procedure_id) WHERE procedure_id IS NOT NULL;
