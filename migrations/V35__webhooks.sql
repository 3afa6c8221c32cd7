-- Webhooks: addresses an administrator registers to be told of ticket events. Each event a
-- change causes is written as one delivery per matching hook, in the transaction of the change
-- (as mails go to the outbox), then posted by the webhook worker with an HMAC-SHA256 signature,
-- and retried with a growing wait while the receiver fails.
CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY,
    url        TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    -- The events sent, one bit each (domain::webhooks::Event::bit).
    events     INTEGER NOT NULL CHECK (events > 0),
    -- The shared secret the signature is made with; the receiver needs it in clear, so it is.
    secret     TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);

CREATE TABLE webhook_deliveries (
    id          INTEGER PRIMARY KEY,
    webhook_id  INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event       TEXT NOT NULL,
    ticket_id   INTEGER,
    -- The JSON body, fixed when the event happened (the signature covers it as is).
    body        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    state       TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'sending', 'delivered', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_at     INTEGER NOT NULL,
    last_at     INTEGER,
    -- The receiver's last HTTP status (NULL when it could not be reached) and what it said, or
    -- why it could not be reached, shortened.
    last_status INTEGER,
    last_answer TEXT,
    last_ms     INTEGER
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_at) WHERE state = 'queued';
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, id);
CREATE INDEX webhook_deliveries_state ON webhook_deliveries(state, created_at);
