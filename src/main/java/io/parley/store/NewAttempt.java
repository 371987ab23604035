package io.parley.store;

import io.parley.domain.Channel;
import io.parley.domain.ContactType;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** An attempt about to be committed as SENDING, before its provider is called. */
public record NewAttempt(UUID id, UUID enrollmentId, int runNo, String caseId, String debtorId, String stepId,
                         Channel channel, String contactAddress, ContactType contactType, String template, String locale, JsonObject content,
                         String provider, Instant at) {
}
