-- People and lists: settings history, service partitioning of subcategories, and a "disabled"
-- flag on the lists that lacked one, so that an entry in use can be retired instead of deleted.

-- Every change of a setting: who, when, from where, old and new value.
CREATE TABLE settings_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    key       TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT NOT NULL,
    user_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    source    TEXT NOT NULL CHECK (source IN ('web', 'cli'))
);
CREATE INDEX settings_log_at ON settings_log(at);

ALTER TABLE subcategories ADD COLUMN service_id INTEGER REFERENCES services(id);
CREATE INDEX subcategories_service ON subcategories(service_id);
CREATE INDEX criticalities_service ON criticalities(service_id);

ALTER TABLE categories ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subcategories ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE priorities ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE criticalities ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ticket_types ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE time_values ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE asset_types ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE asset_manufacturers ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE asset_models ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;

-- Lookups used by the user list's search and the usage checks of the lists.
CREATE INDEX users_login_search ON users(login COLLATE NOCASE);
CREATE INDEX groups_service ON groups(service_id);
CREATE INDEX categories_type ON categories(type_id);
CREATE INDEX personal_views_category ON personal_views(category_id);
CREATE INDEX personal_views_subcategory ON personal_views(subcategory_id);
CREATE INDEX tickets_type ON tickets(type_id);
CREATE INDEX tickets_place ON tickets(place_id);
CREATE INDEX tickets_sender_service ON tickets(sender_service_id);
CREATE INDEX asset_models_type ON asset_models(type_id);
CREATE INDEX asset_models_manufacturer ON asset_models(manufacturer_id);
