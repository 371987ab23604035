-- The voice channel: one row per call, written before the call is placed. It holds what the call may say (the
-- rendered call script, the voicemail) and what it must respect (the rule packs' call rules), and where its flow
-- stands between Twilio's requests, so that any instance can answer the next one.
CREATE TABLE voice_call (
    attempt_id  uuid        PRIMARY KEY REFERENCES attempt (id),
    call_sid    text        UNIQUE,
    to_number   text        NOT NULL,
    script      jsonb       NOT NULL,  -- prompts, voice, language, locale, currency, the second factor's answer
    rules       jsonb       NOT NULL,  -- disclosure, voicemail and its text, second factor, promise horizon, zone
    state       jsonb       NOT NULL,  -- stage, turn, misses, answeredBy, facts, promise keyed in
    last_twiml  text,                  -- the answer to the latest turn, given again when Twilio repeats a request
    status      text        NOT NULL,  -- the latest call status Twilio reported ('placing' until the first)
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Pacing counts a channel's attempts started in the last second and still in progress.
CREATE INDEX attempt_by_channel ON attempt (channel, created_at);
