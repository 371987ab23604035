-- A queue worked in batches of 100 rows per statement: claim due rows with a lease (FOR UPDATE SKIP LOCKED), then
-- mark the claimed rows done; each statement commits on its own, as a dispatcher's claim and its write do.
WITH c AS (SELECT id FROM queue WHERE NOT done AND due_at <= now() AND (lease_until IS NULL OR lease_until < now())
           ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED)
UPDATE queue q SET lease_until = now() + interval '30 seconds' FROM c WHERE q.id = c.id;
WITH c AS (SELECT id FROM queue WHERE NOT done AND lease_until > now() ORDER BY due_at LIMIT 100
           FOR UPDATE SKIP LOCKED)
UPDATE queue q SET done = true FROM c WHERE q.id = c.id;
