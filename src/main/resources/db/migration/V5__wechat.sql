-- WeChat official account: what the platform pushed, stored before it is acted on (the platform retries a message
-- it got no answer to within 5 seconds, three times; a retry finds its key here and changes nothing).
-- dedupe_key: msg:<MsgId>, or for events event:<FromUserName>:<CreateTime>:<Event>[:<MsgID>].
CREATE TABLE wechat_inbound (
    dedupe_key   text PRIMARY KEY,
    msg_type     text        NOT NULL,
    from_openid  text        NOT NULL,
    fields       jsonb       NOT NULL,
    received_at  timestamptz NOT NULL,
    -- not before this instant may another instance take it up again (a lease while it is being acted on)
    retry_at     timestamptz NOT NULL,
    tries        int         NOT NULL DEFAULT 0,
    processed_at timestamptz,
    outcome      text
);
CREATE INDEX wechat_inbound_pending ON wechat_inbound (retry_at) WHERE processed_at IS NULL;

-- Template messages the platform accepted: its msgid (the attempt's provider reference) and the attempt it carried,
-- so the TEMPLATESENDJOBFINISH event that reports on it finds the attempt.
CREATE TABLE wechat_template_send (
    msg_id     text PRIMARY KEY,
    attempt_id uuid        NOT NULL,
    open_id    text        NOT NULL,
    sent_at    timestamptz NOT NULL
);
