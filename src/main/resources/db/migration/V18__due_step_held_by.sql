-- A step kept waiting by a case hold that Parley waits out rather than passes (the agency placement) says so, so
-- that lifting the hold (a recall, or the API) brings it forward at once instead of at its next look.
ALTER TABLE due_step ADD COLUMN held_by text;
CREATE INDEX due_step_held ON due_step (enrollment_id) WHERE held_by IS NOT NULL;
