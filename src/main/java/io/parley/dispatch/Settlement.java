package io.parley.dispatch;

import io.parley.domain.AttemptOutcome;

import java.time.Instant;
import java.util.UUID;

/**
 * The attempt an enrollment waits for has an outcome the sequence can branch on; or, when retryAt is set, it never
 * reached its provider and the same step runs again then.
 */
record Settlement(UUID enrollmentId, UUID attemptId, AttemptOutcome outcome, Instant retryAt) {

    static Settlement outcome(UUID enrollmentId, UUID attemptId, AttemptOutcome outcome) {
        return new Settlement(enrollmentId, attemptId, outcome, null);
    }
}
