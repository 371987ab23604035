-- The console's recent cases: the enrollments changed most recently, read newest first with a LIMIT. Without an index
-- ordered by updated_at every recent-cases page sorted the whole enrollment table.
CREATE INDEX enrollment_by_update ON enrollment (updated_at DESC);
