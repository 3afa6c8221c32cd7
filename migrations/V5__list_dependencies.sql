-- Ticket lists and their counters depend on more than the tickets themselves: who belongs to
-- which company, technician group, service or agency decides what a view holds. Changes there
-- count as ticket changes, so that cached counters and open pages catch up.
CREATE TRIGGER users_changed_for_lists AFTER UPDATE OF company_id, disabled, profile_id ON users
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER users_deleted_for_lists AFTER DELETE ON users
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER group_members_added_for_lists AFTER INSERT ON group_members
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER group_members_removed_for_lists AFTER DELETE ON group_members
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER user_services_added_for_lists AFTER INSERT ON user_services
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER user_services_removed_for_lists AFTER DELETE ON user_services
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER user_agencies_added_for_lists AFTER INSERT ON user_agencies
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER user_agencies_removed_for_lists AFTER DELETE ON user_agencies
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;
CREATE TRIGGER personal_views_changed_for_lists AFTER UPDATE ON personal_views
BEGIN
    UPDATE change_counter SET tickets = tickets + 1;
END;

-- Indexes the lists and counters read on every page.
-- The "state" order reads one state's tickets with their priority and criticality.
CREATE INDEX tickets_state_order ON tickets(state_id, deleted, priority_id, criticality_id, created_at);
-- A technician's user bar: their tickets per state with the time left.
CREATE INDEX tickets_technician_workload
    ON tickets(technician_id, deleted, state_id, time_hope_minutes, time_spent_minutes);
