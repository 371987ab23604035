package io.parley.dispatch;

import io.parley.domain.AttemptOutcome;

import java.util.UUID;

/** The attempt an enrollment waits for has an outcome the sequence can branch on. */
record Settlement(UUID enrollmentId, UUID attemptId, AttemptOutcome outcome) {
}
