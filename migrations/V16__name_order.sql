-- People's names are shown in one order everywhere, chosen in the settings (`name_order`:
-- "first_last" by default, or "last_first"). The name as shown is kept with the user, so that
-- every list, sort, search result, mail and thread reads the same column, and a change of the
-- setting rewrites it for everybody at once.
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';

-- The name as shown, under the current setting; the login when both names are empty.
CREATE VIEW user_display_names AS
SELECT u.id AS id,
       CASE
         WHEN trim(u.firstname) = '' AND trim(u.lastname) = '' THEN u.login
         WHEN COALESCE((SELECT value FROM settings WHERE key = 'name_order'), 'first_last') = 'last_first'
           THEN trim(trim(u.lastname) || ' ' || trim(u.firstname))
         ELSE trim(trim(u.firstname) || ' ' || trim(u.lastname))
       END AS name
FROM users u;

CREATE TRIGGER users_display_name_insert AFTER INSERT ON users
BEGIN
  UPDATE users SET display_name = (SELECT name FROM user_display_names v WHERE v.id = NEW.id)
  WHERE id = NEW.id;
END;

CREATE TRIGGER users_display_name_rename AFTER UPDATE OF firstname, lastname, login ON users
BEGIN
  UPDATE users SET display_name = (SELECT name FROM user_display_names v WHERE v.id = NEW.id)
  WHERE id = NEW.id;
END;

CREATE TRIGGER settings_name_order_insert AFTER INSERT ON settings WHEN NEW.key = 'name_order'
BEGIN
  UPDATE users SET display_name = (SELECT name FROM user_display_names v WHERE v.id = users.id);
END;

CREATE TRIGGER settings_name_order_update AFTER UPDATE ON settings WHEN NEW.key = 'name_order'
BEGIN
  UPDATE users SET display_name = (SELECT name FROM user_display_names v WHERE v.id = users.id);
END;

CREATE TRIGGER settings_name_order_delete AFTER DELETE ON settings WHEN OLD.key = 'name_order'
BEGIN
  UPDATE users SET display_name = (SELECT name FROM user_display_names v WHERE v.id = users.id);
END;

UPDATE users SET display_name = (SELECT name FROM user_display_names v WHERE v.id = users.id);

-- Pickers and lists sort active people by the name they show.
DROP INDEX users_active_name;
CREATE INDEX users_active_display_name ON users (disabled, display_name COLLATE NOCASE);
