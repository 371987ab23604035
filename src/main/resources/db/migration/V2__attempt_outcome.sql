-- The outcome an attempt settled with when its channel knows more than its status (a call answered by a machine, a
-- promise keyed in): what the contact ledger counts it as depends on it.
ALTER TABLE attempt ADD COLUMN outcome text;
