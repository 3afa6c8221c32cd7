-- Nearly every ticket is not deleted: an index led by `deleted` looked selective to the query
-- planner and drew it away from the index a condition needed (a day's new tickets were counted
-- by walking every ticket). Counts of live tickets by state (and by state and criticality, for
-- the supervision screen's critical tickets) keep an index of their own, which holds only live
-- tickets.
DROP INDEX tickets_deleted_state;
CREATE INDEX tickets_live_state ON tickets(state_id, criticality_id) WHERE deleted = 0;
