-- Asset imports from CSV files: each file sent from the stock view (kept until it is confirmed),
-- dropped in the import folder or given to the shell command, with who, when and what it did.

CREATE TABLE asset_imports (
    id         INTEGER PRIMARY KEY,
    file_name  TEXT NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('page', 'folder', 'shell')),
    author_id  INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('previewed', 'done', 'failed')),
    -- The file, while it waits for its confirmation.
    content    BLOB,
    done_at    INTEGER,
    created    INTEGER NOT NULL DEFAULT 0,
    updated    INTEGER NOT NULL DEFAULT 0,
    unchanged  INTEGER NOT NULL DEFAULT 0,
    refused    INTEGER NOT NULL DEFAULT 0,
    -- Why a file was refused as a whole.
    error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX asset_imports_created ON asset_imports(created_at);

-- Lines of an import find the asset they update by its manufacturer's serial number.
CREATE INDEX assets_live_serial ON assets(sn_manufacturer) WHERE deleted = 0 AND sn_manufacturer <> '';
