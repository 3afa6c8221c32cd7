-- Two-factor login (TOTP, RFC 6238). An account that turned it on keeps its secret and the
-- time step of the last code it gave (a code is good once); a secret proposed on the profile
-- page waits in totp_pending until a first code confirms it. Ten recovery codes per account,
-- stored as SHA-256 (they are random, not chosen). A login whose password was right waits in
-- login_pending for its code, a few minutes and a few tries at most; one that must first set
-- the second factor up carries the secret it is shown.
ALTER TABLE users ADD COLUMN totp_secret BLOB;
ALTER TABLE users ADD COLUMN totp_pending BLOB;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   INTEGER,
    PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;

CREATE TABLE login_pending (
    token_hash    TEXT PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    ip            TEXT NOT NULL DEFAULT '',
    user_agent    TEXT NOT NULL DEFAULT '',
    enroll_secret BLOB,
    attempts      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX login_pending_user ON login_pending(user_id);
