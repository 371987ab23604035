package io.parley.store;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** One line of a case's timeline: what happened (kind), when, to which enrollment, with its details. */
public record TimelineEntry(String caseId, UUID enrollmentId, Instant at, String kind, JsonObject data) {
}
