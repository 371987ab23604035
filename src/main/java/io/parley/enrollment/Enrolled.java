package io.parley.enrollment;

import io.parley.sequence.PlannedStep;
import io.parley.store.EnrollmentStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An enrollment as it was created: its sequence version, when it starts, the zone its steps are planned in, and the
 * steps planned. Its JSON form is what a repeat of the request under the same key gets back.
 */
public record Enrolled(UUID id, String caseId, String sequence, int version, Instant createdAt, Instant startAt,
                       ZoneId zone, List<Planned> plannedSteps) {

    /** A step as planned at enrollment (contact-hour rules may defer it). */
    public record Planned(String stepId, String channel, String template, Instant dueAt) {
        static Planned of(PlannedStep step) {
            return new Planned(step.step().id(), step.step().channel().wire(), step.step().template(), step.dueAt());
        }

        JsonObject toJson() {
            return new JsonObject().put("stepId", stepId).put("channel", channel).put("template", template)
                    .put("dueAt", dueAt.toString());
        }
    }

    public Enrolled {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(zone, "zone");
        plannedSteps = List.copyOf(plannedSteps);
    }

    /** id, caseId, sequence, version, status (active), createdAt, startAt, timeZone and plannedSteps. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id.toString()).put("caseId", caseId).put("sequence", sequence)
                .put("version", version).put("status", EnrollmentStatus.ACTIVE.wire())
                .put("createdAt", createdAt.toString()).put("startAt", startAt.toString()).put("timeZone", zone.getId())
                .put("plannedSteps", plannedJson());
    }

    JsonArray plannedJson() {
        JsonArray out = new JsonArray();
        plannedSteps.forEach(p -> out.add(p.toJson()));
        return out;
    }

    /** Reads what {@link #toJson()} wrote. */
    static Enrolled fromJson(JsonObject json) {
        List<Planned> planned = new ArrayList<>();
        for (Object o : json.getJsonArray("plannedSteps", new JsonArray())) {
            JsonObject p = (JsonObject) o;
            planned.add(new Planned(p.getString("stepId"), p.getString("channel"), p.getString("template"),
                    Instant.parse(p.getString("dueAt"))));
        }
        return new Enrolled(UUID.fromString(json.getString("id")), json.getString("caseId"),
                json.getString("sequence"), json.getInteger("version"), Instant.parse(json.getString("createdAt")),
                Instant.parse(json.getString("startAt")), ZoneId.of(json.getString("timeZone")), planned);
    }
}
