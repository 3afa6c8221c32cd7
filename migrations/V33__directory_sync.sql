-- Users synchronised from a directory: the entry they come from (its DN, for the login bind and
-- the group memberships), and whether the synchronisation disabled them (so that it enables only
-- the accounts it disabled itself, never one an administrator disabled by hand).
ALTER TABLE users ADD COLUMN directory_dn TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN directory_disabled INTEGER NOT NULL DEFAULT 0;
CREATE INDEX users_ldap_guid ON users(ldap_guid) WHERE ldap_guid <> '';

-- Each synchronisation or simulation: who or what started it, what it changed, what failed.
CREATE TABLE directory_runs (
    id                  INTEGER PRIMARY KEY,
    started_at          INTEGER NOT NULL,
    finished_at         INTEGER NOT NULL,
    trigger             TEXT NOT NULL CHECK (trigger IN ('page', 'command', 'schedule')),
    by_user             INTEGER REFERENCES users(id) ON DELETE SET NULL,
    dry_run             INTEGER NOT NULL DEFAULT 0,
    error               TEXT NOT NULL DEFAULT '',      -- why it failed (a translation key); empty when it worked
    read_users          INTEGER NOT NULL DEFAULT 0,
    created             INTEGER NOT NULL DEFAULT 0,
    updated             INTEGER NOT NULL DEFAULT 0,
    disabled            INTEGER NOT NULL DEFAULT 0,
    enabled             INTEGER NOT NULL DEFAULT 0,
    new_lists           INTEGER NOT NULL DEFAULT 0,    -- services, companies and agencies created
    memberships_added   INTEGER NOT NULL DEFAULT 0,
    memberships_removed INTEGER NOT NULL DEFAULT 0,
    problems            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX directory_runs_started ON directory_runs(started_at);
