package io.parley.channel;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * Provider news about one attempt: its new status, the provider's reference, an error code and message when it
 * failed, the outcome when the channel knows more than the status says (a call answered by a machine), and
 * channel details kept with the status on the timeline (a call's duration).
 */
public record AttemptChange(UUID attemptId, AttemptStatus status, String providerRef, String errorCode,
                            String errorMessage, AttemptOutcome outcome, JsonObject details) {

    public static AttemptChange of(UUID attemptId, AttemptStatus status, String providerRef) {
        return new AttemptChange(attemptId, status, providerRef, null, null, null, null);
    }

    public static AttemptChange failed(UUID attemptId, AttemptStatus status, String providerRef, String errorCode,
                                       String errorMessage) {
        return new AttemptChange(attemptId, status, providerRef, errorCode, errorMessage, null, null);
    }

    public AttemptChange withOutcome(AttemptOutcome settled) {
        return new AttemptChange(attemptId, status, providerRef, errorCode, errorMessage, settled, details);
    }

    public AttemptChange withDetails(JsonObject more) {
        return new AttemptChange(attemptId, status, providerRef, errorCode, errorMessage, outcome, more);
    }
}
