-- How a ticket was answered (GestSup's `ttypes_answer` and `type_answer`): by phone, by mail,
-- on site ... a list the administrators fill, shown on tickets with `ticket_type_answer_disp`.
CREATE TABLE answer_types (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE tickets ADD COLUMN answer_type_id INTEGER REFERENCES answer_types(id);
CREATE INDEX tickets_answer_type ON tickets(answer_type_id) WHERE answer_type_id IS NOT NULL;
