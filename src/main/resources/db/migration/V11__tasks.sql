-- Hand-off tasks: a field visit, an agency placement or a legal referral, done by the collection engine and its
-- people. A task is the attempt of its step (same id); it stays open until its outcome comes, its deadline passes,
-- a dispute cancels it or (an agency placement) the case is recalled.
-- state: open | done | expired | cancelled | recalled
CREATE TABLE task (
    id            uuid PRIMARY KEY REFERENCES attempt (id),
    enrollment_id uuid        NOT NULL REFERENCES enrollment (id),
    case_id       text        NOT NULL,
    kind          text        NOT NULL,
    state         text        NOT NULL,
    -- the task as the engine received it: address, instructions, lawful window, summary
    detail        jsonb       NOT NULL,
    window_from   timestamptz,
    window_until  timestamptz,
    deadline      timestamptz,
    outcome       text,
    outcome_at    timestamptz,
    notes         text,
    -- the outcome as recorded (amount and date of a promise, whether it lay outside the lawful window)
    outcome_detail jsonb,
    created_at    timestamptz NOT NULL,
    closed_at     timestamptz
);
CREATE INDEX task_case ON task (case_id, created_at);
CREATE INDEX task_listing ON task (created_at, id);
CREATE INDEX task_open_deadline ON task (deadline) WHERE state = 'open';
