-- Letters: each letter attempt's rendered PDF (with its SHA-256) and the daily print batches letters collect into.

-- One batch per print day (the company's zone). open: letters join it; closed: at its cut-off, in one transaction,
-- held letters pulled and the rest fixed; handed_over: its PDFs and manifest reached the drop directory or the print
-- house. A closed batch is handed over by whichever instance holds its lease; a crash while writing leaves it closed,
-- and the lease runs out so another instance writes it again (every write is idempotent).
CREATE TABLE letter_batch (
    id          text PRIMARY KEY,
    cutoff_at   timestamptz NOT NULL,
    status      text        NOT NULL DEFAULT 'open',
    letters     int,
    closed_at   timestamptz,
    handed_at   timestamptz,
    destination text,
    lease_owner text,
    lease_until timestamptz
);
CREATE INDEX letter_batch_to_close ON letter_batch (cutoff_at) WHERE status = 'open';
CREATE INDEX letter_batch_to_hand_over ON letter_batch (cutoff_at) WHERE status = 'closed';

-- status (rank): queued (0) -> batched (1) -> handed_over (2) -> printed (3) -> mailed (4) -> delivered | returned (5);
-- pulled (9): taken out of its batch before the cut-off (a hold or a cease request). Statuses only move forward.
CREATE TABLE letter (
    attempt_id    uuid PRIMARY KEY,
    case_id       text        NOT NULL,
    enrollment_id uuid,
    debtor_id     text        NOT NULL,
    batch_id      text        NOT NULL REFERENCES letter_batch (id),
    status        text        NOT NULL,
    status_rank   int         NOT NULL,
    pages         int         NOT NULL,
    paper         text        NOT NULL,
    sha256        text        NOT NULL,
    pdf           bytea       NOT NULL,
    address_lines text[]      NOT NULL,
    contact_address text      NOT NULL,
    tracking_ref  text,
    return_reason text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX letter_by_batch ON letter (batch_id, attempt_id);

-- Print-house callbacks, once each (a redelivered callback changes nothing).
CREATE TABLE letter_event (
    event_id    text PRIMARY KEY,
    attempt_id  uuid        NOT NULL,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL
);
