-- Settings, rights, people and the lists change rarely and are read by every page. A second
-- change number counts their changes, so that the server can keep what it reads from them in
-- memory and read it again only after one of them changed.
ALTER TABLE change_counter ADD COLUMN reference INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER settings_reference_insert AFTER INSERT ON settings
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER settings_reference_update AFTER UPDATE ON settings
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER settings_reference_delete AFTER DELETE ON settings
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER profile_rights_reference_insert AFTER INSERT ON profile_rights
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER profile_rights_reference_update AFTER UPDATE ON profile_rights
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER profile_rights_reference_delete AFTER DELETE ON profile_rights
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER groups_reference_insert AFTER INSERT ON groups
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER groups_reference_update AFTER UPDATE ON groups
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER groups_reference_delete AFTER DELETE ON groups
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER categories_reference_insert AFTER INSERT ON categories
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER categories_reference_update AFTER UPDATE ON categories
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER categories_reference_delete AFTER DELETE ON categories
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER subcategories_reference_insert AFTER INSERT ON subcategories
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER subcategories_reference_update AFTER UPDATE ON subcategories
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER subcategories_reference_delete AFTER DELETE ON subcategories
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER ticket_states_reference_insert AFTER INSERT ON ticket_states
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER ticket_states_reference_update AFTER UPDATE ON ticket_states
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER ticket_states_reference_delete AFTER DELETE ON ticket_states
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER priorities_reference_insert AFTER INSERT ON priorities
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER priorities_reference_update AFTER UPDATE ON priorities
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER priorities_reference_delete AFTER DELETE ON priorities
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER criticalities_reference_insert AFTER INSERT ON criticalities
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER criticalities_reference_update AFTER UPDATE ON criticalities
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER criticalities_reference_delete AFTER DELETE ON criticalities
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER ticket_types_reference_insert AFTER INSERT ON ticket_types
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER ticket_types_reference_update AFTER UPDATE ON ticket_types
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER ticket_types_reference_delete AFTER DELETE ON ticket_types
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER answer_types_reference_insert AFTER INSERT ON answer_types
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER answer_types_reference_update AFTER UPDATE ON answer_types
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER answer_types_reference_delete AFTER DELETE ON answer_types
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER time_values_reference_insert AFTER INSERT ON time_values
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER time_values_reference_update AFTER UPDATE ON time_values
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER time_values_reference_delete AFTER DELETE ON time_values
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER places_reference_insert AFTER INSERT ON places
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER places_reference_update AFTER UPDATE ON places
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER places_reference_delete AFTER DELETE ON places
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER ticket_templates_reference_insert AFTER INSERT ON ticket_templates
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER ticket_templates_reference_update AFTER UPDATE ON ticket_templates
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER ticket_templates_reference_delete AFTER DELETE ON ticket_templates
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER services_reference_insert AFTER INSERT ON services
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER services_reference_update AFTER UPDATE ON services
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER services_reference_delete AFTER DELETE ON services
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER companies_reference_insert AFTER INSERT ON companies
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER companies_reference_update AFTER UPDATE ON companies
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER companies_reference_delete AFTER DELETE ON companies
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER agencies_reference_insert AFTER INSERT ON agencies
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER agencies_reference_update AFTER UPDATE ON agencies
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER agencies_reference_delete AFTER DELETE ON agencies
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_types_reference_insert AFTER INSERT ON asset_types
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_types_reference_update AFTER UPDATE ON asset_types
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_types_reference_delete AFTER DELETE ON asset_types
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_manufacturers_reference_insert AFTER INSERT ON asset_manufacturers
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_manufacturers_reference_update AFTER UPDATE ON asset_manufacturers
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_manufacturers_reference_delete AFTER DELETE ON asset_manufacturers
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_models_reference_insert AFTER INSERT ON asset_models
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_models_reference_update AFTER UPDATE ON asset_models
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_models_reference_delete AFTER DELETE ON asset_models
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_states_reference_insert AFTER INSERT ON asset_states
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_states_reference_update AFTER UPDATE ON asset_states
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_states_reference_delete AFTER DELETE ON asset_states
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_locations_reference_insert AFTER INSERT ON asset_locations
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_locations_reference_update AFTER UPDATE ON asset_locations
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_locations_reference_delete AFTER DELETE ON asset_locations
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_networks_reference_insert AFTER INSERT ON asset_networks
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_networks_reference_update AFTER UPDATE ON asset_networks
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_networks_reference_delete AFTER DELETE ON asset_networks
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_iface_roles_reference_insert AFTER INSERT ON asset_iface_roles
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_iface_roles_reference_update AFTER UPDATE ON asset_iface_roles
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER asset_iface_roles_reference_delete AFTER DELETE ON asset_iface_roles
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER users_reference_insert AFTER INSERT ON users
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER users_reference_update AFTER UPDATE OF login, firstname, lastname, display_name, profile_id, disabled, company_id, mail ON users
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER users_reference_delete AFTER DELETE ON users
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
