-- Every index of a ticket is one more page written for each new or changed ticket (33 pages for
-- a new one). Two of them serve no query any more: ticket dates are read through the index of
-- live tickets (`tickets_live_created`), and a technician's tickets by state through
-- `tickets_technician_workload` (technician, deleted, state), which every list condition on a
-- technician matches.
DROP INDEX tickets_created;
DROP INDEX tickets_technician_state;
