-- Statistics read the thread's state changes and replies from a period's start on, oldest
-- first. These partial indexes hold exactly what they need, so that the read walks one small
-- index in order and never the table.
CREATE INDEX thread_entries_state_changes
    ON thread_entries(created_at, ticket_id, state_from_id, state_id) WHERE kind = 'state';
CREATE INDEX thread_entries_replies
    ON thread_entries(created_at, ticket_id, author_id, private) WHERE kind = 'text';
