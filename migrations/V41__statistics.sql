-- Statistics read the thread's state changes and replies from a period's start on, oldest
-- first. These partial indexes hold exactly what they need (the kind too, which SQLite must
-- see to use them without the table), so that the read walks one small index in order.
CREATE INDEX thread_entries_state_changes
    ON thread_entries(created_at, ticket_id, state_from_id, state_id, kind) WHERE kind = 'state';
CREATE INDEX thread_entries_replies
    ON thread_entries(created_at, ticket_id, author_id, private, kind) WHERE kind = 'text';

-- And the tickets' columns the figures count and filter on (with the two the condition reads,
-- for the same reason), so that a page reads this narrow index from end to end rather than the
-- table's wide rows, titles and descriptions included.
CREATE INDEX tickets_statistics ON tickets(created_at, resolved_at, state_id, technician_id,
    tech_group_id, category_id, service_id, agency_id, type_id, priority_id, criticality_id,
    requester_id, time_spent_minutes, deleted, is_template)
    WHERE deleted = 0 AND is_template = 0;
