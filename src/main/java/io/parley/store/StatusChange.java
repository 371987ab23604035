package io.parley.store;

import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;

import java.util.UUID;

/** An attempt's status that actually moved forward, as recorded. */
public record StatusChange(UUID attemptId, UUID enrollmentId, String caseId, Channel channel, AttemptStatus status,
                           String providerRef, String errorCode, String errorMessage,
                           java.util.Optional<io.parley.domain.AttemptOutcome> outcome) {
}
