package io.parley.channel;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/**
 * Asking the provider what became of an attempt whose answer never came (a crash between the commit and the
 * provider's answer, a timeout): it has the message, with its status and reference; it has none, so nothing was
 * sent; or it cannot tell.
 */
public sealed interface ProviderLookup {

    /** An attempt to look up: whom it went to, when it was committed, and what it said (as kept on the attempt). */
    record Asked(UUID attemptId, String to, Instant madeAt, JsonObject content) {
    }

    /**
     * The provider has it, in this status; with the outcome it came to when the channel knows more than the status
     * (a call's flow), else null.
     */
    record Found(AttemptStatus status, String providerRef, AttemptOutcome outcome) implements ProviderLookup {
        public Found(AttemptStatus status, String providerRef) {
            this(status, providerRef, null);
        }
    }

    /** The provider has no such message: nothing was sent. */
    record Absent() implements ProviderLookup {
    }

    /** The provider could not be asked, or cannot tell. */
    record CannotTell(String why) implements ProviderLookup {
    }
}
