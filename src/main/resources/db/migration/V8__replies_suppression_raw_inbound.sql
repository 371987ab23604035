-- Opt-outs, cease requests and wrong numbers are facts about a contact address, not about one debtor record: the
-- address stays suppressed for every debtor and case that has it (a number enrolled later under another debtor starts
-- out suppressed) until it is lifted, by an opt-in from that address or over the API with a reason.
-- address: lower case, as lower(contact_point.address) compares with it.
CREATE TABLE address_suppression (
    id            uuid PRIMARY KEY,
    channel       text        NOT NULL,
    address       text        NOT NULL,
    reason        text        NOT NULL,    -- opt_out, cease, wrong_number
    source        text        NOT NULL,    -- reply, api, link, provider
    source_ref    text,                    -- the reply's provider reference, the API principal...
    detail        text,                    -- what was said ("reply 'stop'")
    created_at    timestamptz NOT NULL,
    lifted_at     timestamptz,
    lifted_reason text,
    lifted_by     text
);
CREATE UNIQUE INDEX address_suppression_active ON address_suppression (channel, address, reason) WHERE lifted_at IS NULL;
CREATE INDEX address_suppression_address ON address_suppression (address, channel);

-- Inbound requests from providers (an SMS webhook's form, a raw email), stored before anything is done with them and
-- acted on from here, taken up again until they are; once per channel and provider reference (a redelivery, a bounce
-- or an auto-reply sent twice finds its key and changes nothing). A mail that cannot be parsed is quarantined.
CREATE TABLE inbound_request (
    channel      text        NOT NULL,
    dedupe_key   text        NOT NULL,
    payload      jsonb       NOT NULL,
    received_at  timestamptz NOT NULL,
    -- not before this instant may another instance take it up again (a lease while it is being acted on)
    retry_at     timestamptz NOT NULL,
    tries        int         NOT NULL DEFAULT 0,
    state        text        NOT NULL DEFAULT 'pending',   -- pending, processed, quarantined, abandoned
    processed_at timestamptz,
    outcome      text,
    PRIMARY KEY (channel, dedupe_key)
);
CREATE INDEX inbound_request_pending ON inbound_request (retry_at) WHERE state = 'pending';
CREATE INDEX inbound_request_quarantined ON inbound_request (received_at) WHERE state = 'quarantined';

-- Idempotency keys expire after a retention; the expiry job deletes by age.
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
