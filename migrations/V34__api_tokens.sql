-- API tokens: an integration (monitoring, an inventory agent, a script) acts as a chosen user,
-- with that user's rights at the moment of each call. Only the SHA-256 of the secret is kept;
-- the secret is shown once, when the token is made.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    secret_hash  TEXT NOT NULL UNIQUE,
    -- The first characters of the secret, so that a token can be recognised in the list.
    prefix       TEXT NOT NULL,
    read_only    INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1)),
    expires_at   INTEGER,
    created_at   INTEGER NOT NULL,
    created_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Every call made with a token: who, when, what, and the answer's status.
CREATE TABLE api_calls (
    id       INTEGER PRIMARY KEY,
    token_id INTEGER REFERENCES api_tokens(id) ON DELETE SET NULL,
    user_id  INTEGER REFERENCES users(id) ON DELETE SET NULL,
    at       INTEGER NOT NULL,
    method   TEXT NOT NULL,
    route    TEXT NOT NULL,
    status   INTEGER NOT NULL,
    ms       INTEGER NOT NULL
);
CREATE INDEX api_calls_at ON api_calls(at);
CREATE INDEX api_calls_token ON api_calls(token_id, at);
