package io.parley.channel.voice;

import java.util.UUID;

/**
 * The per-call webhook URLs under the public base URL: the call's instructions when answered, the keys pressed in
 * answer to turn N (or nothing, after the question timed out), the end of a transfer, and the status callback.
 * Twilio signs the exact URL it calls, so these are what the signature is checked against.
 */
record CallLinks(String publicBaseUrl) {
    static final String PREFIX = "/webhooks/twilio/voice/";
    static final String ANSWER = "answer";
    static final String KEYS = "keys";
    static final String DIALED = "dialed";
    static final String STATUS = "status";

    String answer(UUID attempt) {
        return base(attempt) + ANSWER;
    }

    String keys(UUID attempt, int turn) {
        return base(attempt) + KEYS + "?turn=" + turn;
    }

    String silence(UUID attempt, int turn) {
        return keys(attempt, turn) + "&silence=1";
    }

    String dialed(UUID attempt, int turn) {
        return base(attempt) + DIALED + "?turn=" + turn;
    }

    String status(UUID attempt) {
        return base(attempt) + STATUS;
    }

    /** The links of one turn's TwiML. */
    CallTwiml.Links forTurn(UUID attempt, int turn) {
        return new CallTwiml.Links(keys(attempt, turn), silence(attempt, turn), dialed(attempt, turn));
    }

    private String base(UUID attempt) {
        return publicBaseUrl + PREFIX + attempt + "/";
    }
}
