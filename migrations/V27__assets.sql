-- The asset inventory: assets, their IP interfaces and their history, and the asset a ticket
-- is about.

CREATE TABLE assets (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    sn_manufacturer TEXT NOT NULL DEFAULT '',
    sn_internal     TEXT NOT NULL DEFAULT '',
    type_id         INTEGER REFERENCES asset_types(id),
    manufacturer_id INTEGER REFERENCES asset_manufacturers(id),
    model_id        INTEGER REFERENCES asset_models(id),
    state_id        INTEGER NOT NULL REFERENCES asset_states(id),
    user_id         INTEGER REFERENCES users(id),
    service_id      INTEGER REFERENCES services(id),
    location_id     INTEGER REFERENCES asset_locations(id),
    socket          TEXT NOT NULL DEFAULT '',
    technician_id   INTEGER REFERENCES users(id),
    purchased_on    TEXT,                                  -- YYYY-MM-DD
    installed_on    TEXT,
    end_of_life_on  TEXT,
    warranty_end    TEXT,
    description     TEXT NOT NULL DEFAULT '',
    virtual         INTEGER NOT NULL DEFAULT 0,
    -- Name, serials and every interface's NetBIOS name, IP and MAC address, folded (lower case,
    -- accents removed): what the list's search reads.
    search_text     TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    modified_at     INTEGER NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX assets_live_state_name ON assets(state_id, name COLLATE NOCASE) WHERE deleted = 0;
CREATE INDEX assets_live_name ON assets(name COLLATE NOCASE) WHERE deleted = 0;
CREATE INDEX assets_user ON assets(user_id) WHERE user_id IS NOT NULL;
CREATE INDEX assets_model ON assets(model_id);
CREATE INDEX assets_warranty ON assets(warranty_end) WHERE deleted = 0 AND warranty_end IS NOT NULL;

-- The search over `search_text` by any part of a word (three characters or more).
CREATE VIRTUAL TABLE assets_fts USING fts5(
    search_text, content = 'assets', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN
    INSERT INTO assets_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER assets_fts_update AFTER UPDATE OF search_text ON assets BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
    INSERT INTO assets_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
END;

CREATE TABLE asset_ifaces (
    id           INTEGER PRIMARY KEY,
    asset_id     INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    role_id      INTEGER REFERENCES asset_iface_roles(id),
    netbios      TEXT NOT NULL DEFAULT '',
    ip           TEXT NOT NULL DEFAULT '',                 -- normalised, '' for none
    mac          TEXT NOT NULL DEFAULT '',                 -- AA:BB:CC:DD:EE:FF, '' for none
    last_ping_ok INTEGER,
    last_ping_ko INTEGER
);
CREATE INDEX asset_ifaces_asset ON asset_ifaces(asset_id, position);
CREATE INDEX asset_ifaces_ip ON asset_ifaces(ip) WHERE ip <> '';
CREATE INDEX asset_ifaces_mac ON asset_ifaces(mac) WHERE mac <> '';

-- What happened to an asset: its creation, each changed field (old and new value, as shown),
-- and free notes.
CREATE TABLE asset_events (
    id        INTEGER PRIMARY KEY,
    asset_id  INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    at        INTEGER NOT NULL,
    author_id INTEGER REFERENCES users(id),
    kind      TEXT NOT NULL CHECK (kind IN ('created', 'changed', 'note', 'deleted')),
    field     TEXT NOT NULL DEFAULT '',
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT '',
    body      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX asset_events_asset ON asset_events(asset_id, at, id);

-- An asset's files (invoices, photos, manuals), kept with the other attachments.
ALTER TABLE attachments ADD COLUMN asset_id INTEGER REFERENCES assets(id) ON DELETE CASCADE;
CREATE INDEX attachments_asset ON attachments(asset_id) WHERE asset_id IS NOT NULL;

ALTER TABLE tickets ADD COLUMN asset_id INTEGER REFERENCES assets(id);
CREATE INDEX tickets_asset ON tickets(asset_id) WHERE asset_id IS NOT NULL;
