-- What a failed password check was: a login ('login'), or the current password typed on the
-- password page ('password'). A row is written before the password is checked (a reservation)
-- and removed when the check succeeds, so that attempts sent at once are all counted.
ALTER TABLE auth_failures ADD COLUMN kind TEXT NOT NULL DEFAULT 'login';
CREATE INDEX auth_failures_login_ip ON auth_failures(login, ip, at);

-- Addresses an account logged in from successfully. From such an address the account is locked
-- only by failures made from it, and the address's own throttle does not apply: someone
-- guessing from elsewhere, or sharing the address (a NAT, a terminal server), does not lock out
-- the user at their usual desk.
CREATE TABLE auth_known (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    ip      TEXT NOT NULL,
    last_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, ip)
) WITHOUT ROWID;
