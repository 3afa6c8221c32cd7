-- What a user reads lists as (their groups, services, agencies, saved views, first state and
-- order) is kept in memory with the reference tables: changes of those memberships and
-- preferences count as changes of them too.
CREATE TRIGGER group_members_reference_insert AFTER INSERT ON group_members
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER group_members_reference_update AFTER UPDATE ON group_members
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER group_members_reference_delete AFTER DELETE ON group_members
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER user_services_reference_insert AFTER INSERT ON user_services
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER user_services_reference_update AFTER UPDATE ON user_services
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER user_services_reference_delete AFTER DELETE ON user_services
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER user_agencies_reference_insert AFTER INSERT ON user_agencies
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER user_agencies_reference_update AFTER UPDATE ON user_agencies
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER user_agencies_reference_delete AFTER DELETE ON user_agencies
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER personal_views_reference_insert AFTER INSERT ON personal_views
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER personal_views_reference_update AFTER UPDATE ON personal_views
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
CREATE TRIGGER personal_views_reference_delete AFTER DELETE ON personal_views
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
DROP TRIGGER users_reference_update;
CREATE TRIGGER users_reference_update AFTER UPDATE OF login, firstname, lastname, display_name, profile_id, disabled, company_id, mail, phone, mobile, default_ticket_state, ticket_order ON users
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
