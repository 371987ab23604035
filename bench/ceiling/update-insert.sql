-- One single-row update and one insert per transaction: the smallest durable unit of work (a claim, a status).
\set id random(1, 100000)
BEGIN;
UPDATE account SET balance = balance + 1 WHERE id = :id;
INSERT INTO history (account, delta, at) VALUES (:id, 1, now());
END;
