-- Tickets opened before the sender service was recorded get their requester's service (their
-- first), as new tickets do.
UPDATE tickets
SET sender_service_id = (SELECT min(service_id) FROM user_services WHERE user_id = tickets.requester_id)
WHERE sender_service_id IS NULL
  AND requester_id IN (SELECT user_id FROM user_services);
