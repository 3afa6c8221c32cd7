-- The ticket form keeps its requesters' details (phones included) with the reference tables:
-- a change of a phone number counts as a change of them too.
DROP TRIGGER users_reference_update;
CREATE TRIGGER users_reference_update AFTER UPDATE OF login, firstname, lastname, display_name, profile_id, disabled, company_id, mail, phone, mobile ON users
BEGIN
    UPDATE change_counter SET reference = reference + 1;
END;
