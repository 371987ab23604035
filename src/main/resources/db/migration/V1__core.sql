-- Parley core schema: debtors and their contact points, versioned sequences, enrollments, the due-step queue,
-- attempts, compliance decisions, the case timeline and idempotent API requests.

CREATE TABLE debtor (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    locale      text        NOT NULL,
    time_zone   text,
    address     jsonb       NOT NULL,
    -- what the debtor asked for: {"ceaseAll": bool, "refusedChannels": [...], "inconvenientTimes": [...]}
    preferences jsonb       NOT NULL DEFAULT '{}'::jsonb,
    updated_at  timestamptz NOT NULL
);

-- status: valid | invalid | opted_out. An enrollment never resets a status the debtor or a provider set.
CREATE TABLE contact_point (
    id          bigserial PRIMARY KEY,
    debtor_id   text        NOT NULL REFERENCES debtor (id),
    channel     text        NOT NULL,
    address     text        NOT NULL,
    type        text        NOT NULL,
    consent     boolean     NOT NULL,
    status      text        NOT NULL DEFAULT 'valid',
    status_reason text,
    updated_at  timestamptz NOT NULL,
    UNIQUE (debtor_id, channel, address)
);
CREATE INDEX contact_point_by_address ON contact_point (address, channel);

-- Facts that forbid contact about a case whatever its sequences say: dispute, attorney, bankruptcy.
CREATE TABLE case_hold (
    case_id   text        NOT NULL,
    kind      text        NOT NULL,
    reference text,
    since     timestamptz NOT NULL,
    PRIMARY KEY (case_id, kind)
);

-- Every sequence version ever run, as parsed; running enrollments keep theirs when a file changes.
CREATE TABLE sequence_version (
    name        text        NOT NULL,
    version     int         NOT NULL,
    checksum    text        NOT NULL,
    source      text        NOT NULL,
    definition  jsonb       NOT NULL,
    loaded_at   timestamptz NOT NULL,
    PRIMARY KEY (name, version)
);

-- status: active | paused | completed | cancelled | stopped
CREATE TABLE enrollment (
    id               uuid PRIMARY KEY,
    case_id          text        NOT NULL,
    debtor_id        text        NOT NULL REFERENCES debtor (id),
    sequence_name    text        NOT NULL,
    sequence_version int         NOT NULL,
    status           text        NOT NULL,
    status_reason    text,
    started_at       timestamptz NOT NULL,
    time_zone        text        NOT NULL,
    account          jsonb       NOT NULL,
    variables        jsonb       NOT NULL,
    -- rule packs the engine asked for; empty = derived from the debtor at each decision
    policy_packs     text[]      NOT NULL DEFAULT '{}',
    replied          boolean     NOT NULL DEFAULT false,
    promised         boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    FOREIGN KEY (sequence_name, sequence_version) REFERENCES sequence_version (name, version)
);
CREATE UNIQUE INDEX enrollment_one_open_per_case_sequence
    ON enrollment (case_id, sequence_name) WHERE status IN ('active', 'paused');
CREATE INDEX enrollment_by_case ON enrollment (case_id);
CREATE INDEX enrollment_by_debtor ON enrollment (debtor_id, created_at);

-- The work queue: at most one row per enrollment, the step it runs next (phase 'run') or the attempt whose
-- outcome it waits for (phase 'await', due_at = when to stop waiting). Claimed with FOR UPDATE SKIP LOCKED and a
-- lease; an expired lease (crashed instance) is claimed again. run_no numbers the step runs of an enrollment.
CREATE TABLE due_step (
    enrollment_id uuid PRIMARY KEY REFERENCES enrollment (id),
    run_no        int         NOT NULL,
    step_id       text        NOT NULL,
    retry         int         NOT NULL DEFAULT 0,
    phase         text        NOT NULL,
    attempt_id    uuid,
    due_at        timestamptz NOT NULL,
    runnable      boolean     NOT NULL DEFAULT true,
    lease_owner   text,
    lease_until   timestamptz
);
CREATE INDEX due_step_claimable ON due_step (due_at) WHERE runnable;

-- One try on one channel. status: sending | queued | sent | delivered | undelivered | failed | unknown.
-- (enrollment_id, run_no) is unique: one step run can never produce two contacts, whatever crashes.
CREATE TABLE attempt (
    id              uuid PRIMARY KEY,
    enrollment_id   uuid        NOT NULL REFERENCES enrollment (id),
    run_no          int         NOT NULL,
    case_id         text        NOT NULL,
    debtor_id       text        NOT NULL,
    step_id         text        NOT NULL,
    channel         text        NOT NULL,
    contact_address text        NOT NULL,
    contact_type    text        NOT NULL,
    template        text        NOT NULL,
    locale          text        NOT NULL,
    content         jsonb       NOT NULL,
    status          text        NOT NULL,
    status_rank     int         NOT NULL,
    provider        text        NOT NULL,
    provider_ref    text,
    error_code      text,
    error_message   text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (enrollment_id, run_no)
);
CREATE INDEX attempt_in_flight ON attempt (updated_at) WHERE status = 'sending';
CREATE INDEX attempt_unknown ON attempt (updated_at) WHERE status = 'unknown';
CREATE INDEX attempt_by_debtor ON attempt (debtor_id, created_at);
CREATE INDEX attempt_by_provider_ref ON attempt (provider_ref) WHERE provider_ref IS NOT NULL;

-- Every compliance evaluation: allow / defer (until) / suppress, with the rule that decided and its reasons.
CREATE TABLE decision (
    id            bigserial PRIMARY KEY,
    enrollment_id uuid        NOT NULL REFERENCES enrollment (id),
    case_id       text        NOT NULL,
    run_no        int         NOT NULL,
    step_id       text        NOT NULL,
    channel       text,
    outcome       text        NOT NULL,
    until_at      timestamptz,
    rule          text        NOT NULL,
    reasons       jsonb       NOT NULL,
    attempt_id    uuid,
    decided_at    timestamptz NOT NULL
);
CREATE INDEX decision_by_enrollment ON decision (enrollment_id, id);

-- The append-only record of everything about a case, read in seq order. seq numbers a case's entries in commit
-- order: it is taken from case_sequence under that row's lock, held until the writing transaction ends, so a
-- reader paging by seq never passes an entry that commits later.
CREATE TABLE case_sequence (
    case_id text PRIMARY KEY,
    last    bigint NOT NULL
);

CREATE TABLE timeline (
    id            bigserial PRIMARY KEY,
    case_id       text        NOT NULL,
    seq           bigint      NOT NULL,
    enrollment_id uuid,
    at            timestamptz NOT NULL,
    kind          text        NOT NULL,
    data          jsonb       NOT NULL,
    UNIQUE (case_id, seq)
);

-- Replies from debtors on every channel, once each (provider_ref: Twilio's MessageSid, the email's Message-ID).
CREATE TABLE inbound_message (
    id             uuid PRIMARY KEY,
    channel        text        NOT NULL,
    provider_ref   text        NOT NULL,
    from_address   text        NOT NULL,
    to_address     text,
    body           text        NOT NULL,
    debtor_ids     text[]      NOT NULL,
    case_ids       text[]      NOT NULL,
    intent         text        NOT NULL,
    classification jsonb       NOT NULL,
    received_at    timestamptz NOT NULL,
    UNIQUE (channel, provider_ref)
);

-- Promises to pay: the case's enrollments pause until due_at (the promised date's end plus the grace period); if no
-- payment arrived by then the promise is broken and the sequences take their broken-promise branch.
CREATE TABLE promise (
    id          uuid PRIMARY KEY,
    case_id     text        NOT NULL,
    amount      numeric,
    promised_on date,
    due_at      timestamptz NOT NULL,
    status      text        NOT NULL,
    source      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    settled_at  timestamptz
);
CREATE INDEX promise_open ON promise (due_at) WHERE status = 'open';

-- Case events for the collection engine (the outbox), written in the same transaction as their timeline entry and
-- numbered like it (seq). Webhook delivery follows seq per case (case_delivery); the pull feed orders by the writing
-- transaction (txid) and only shows transactions older than every one still running, so a cursor never skips one.
CREATE TABLE case_event (
    id         bigserial PRIMARY KEY,
    txid       xid8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id   text        NOT NULL UNIQUE,
    case_id    text        NOT NULL,
    seq        bigint      NOT NULL,
    type       text        NOT NULL,
    payload    jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (case_id, seq)
);
CREATE INDEX case_event_feed ON case_event (txid, id);

-- Where webhook delivery of each case stands: everything up to delivered_seq was accepted by the engine.
CREATE TABLE case_delivery (
    case_id         text PRIMARY KEY,
    delivered_seq   bigint      NOT NULL DEFAULT 0,
    pending         boolean     NOT NULL DEFAULT true,
    failures        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    lease_owner     text,
    lease_until     timestamptz
);
CREATE INDEX case_delivery_due ON case_delivery (next_attempt_at) WHERE pending;

-- Idempotent API writes: the first response to (principal, key) is replayed for an identical request.
CREATE TABLE idempotency_key (
    principal    text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    status       int         NOT NULL,
    response     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (principal, key)
);

-- Secrets the service generates for itself (e.g. the key that signs opt-out links).
CREATE TABLE service_secret (
    name       text PRIMARY KEY,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL
);
