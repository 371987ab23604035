-- Strategy analytics: which arm of a sequence's champion/challenger experiment an enrollment was assigned to, and the
-- indexes the per-sequence, per-step numbers are computed with (SQL over enrollments, attempts, decisions and the
-- timeline, never a timeline loaded into memory).
ALTER TABLE enrollment ADD COLUMN experiment text;
ALTER TABLE enrollment ADD COLUMN variant text;

-- a sequence's enrollments in a period
CREATE INDEX enrollment_by_sequence ON enrollment (sequence_name, created_at);
-- an enrollment's attempts in time order (its last attempt before a reply, a promise, a payment)
CREATE INDEX attempt_by_enrollment_time ON attempt (enrollment_id, created_at) INCLUDE (step_id, status, outcome);
-- a case's outcome entries (replies, promises, case events, opt-outs) in time order
CREATE INDEX timeline_outcomes ON timeline (case_id, at) INCLUDE (kind)
    WHERE kind IN ('reply.received', 'promise.recorded', 'promise.kept', 'promise.broken', 'case.event',
                   'contact.opted_out');
