-- The outcome an attempt settled with when its channel knows more than its status (a call answered by a machine, a
-- promise keyed in): what the contact ledger counts it as depends on it.
ALTER TABLE attempt ADD COLUMN outcome text;
-- Attempts settled before the column existed: a delivered SMS, an email the relay accepted.
UPDATE attempt SET outcome = 'delivered' WHERE status = 'delivered' OR (channel = 'email' AND status = 'sent');
UPDATE attempt SET outcome = 'failed' WHERE status IN ('failed', 'undelivered');
