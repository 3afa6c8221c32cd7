-- What the desktop app's update check last found, for the system page: the version available
-- ('' when the app is up to date), kept on the 'updates' connector's row beside when the check
-- last worked and its last error.
ALTER TABLE connector_status ADD COLUMN detail TEXT NOT NULL DEFAULT '';
