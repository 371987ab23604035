-- A queue worked in batches of 100 rows per statement, as a dispatcher works its due steps: claim the earliest
-- due rows with a lease (FOR UPDATE SKIP LOCKED), then mark exactly those rows done. Each statement commits on
-- its own, as a claim and the write that follows it do.
WITH c AS (SELECT id FROM queue WHERE NOT done AND lease_until IS NULL AND due_at <= now()
           ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED),
     u AS (UPDATE queue q SET lease_until = now() + interval '30 seconds', lease_owner = :client_id
           FROM c WHERE q.id = c.id RETURNING q.id)
SELECT coalesce(min(id), 0) AS lo, coalesce(max(id), 0) AS hi FROM u
\gset
UPDATE queue SET done = true WHERE id BETWEEN :lo AND :hi AND lease_owner = :client_id AND NOT done;
