package io.parley.channel.handoff;

import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** How tasks and their outcomes read: in the API, on the timeline, and the paging cursor. */
final class TaskViews {
    private TaskViews() {
    }

    /** A page cursor: the last task shown. */
    record Cursor(Instant createdAt, UUID id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes());
        }

        static Optional<Cursor> decode(String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text)).split("\\|", 2);
                return Optional.of(new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("after: not a cursor this API gave out");
            }
        }
    }

    /** True when the instant lies outside the task's lawful window (a task without one has no window to break). */
    static boolean outsideWindow(JsonObject task, Instant at) {
        String from = task.getString("windowFrom");
        String until = task.getString("windowUntil");
        return from != null && until != null && (at.isBefore(Instant.parse(from)) || !at.isBefore(Instant.parse(until)));
    }

    static JsonObject outcomeDetail(TaskOutcome outcome, boolean outside) {
        JsonObject detail = new JsonObject().put("outsideWindow", outside);
        if (outcome.amount() != null) {
            detail.put("amount", outcome.amount().toPlainString()).put("date", outcome.date().toString());
        }
        return detail;
    }

    static List<TimelineEntry> outcomeEntries(JsonObject task, TaskOutcome outcome, boolean outside, Instant now) {
        String caseId = task.getString("caseId");
        UUID enrollment = UUID.fromString(task.getString("enrollmentId"));
        JsonObject data = new JsonObject().put("taskId", task.getString("id")).put("kind", task.getString("kind"))
                .put("outcome", outcome.outcome().wire()).put("at", outcome.at().toString())
                .put("notes", outcome.notes()).mergeIn(task.getJsonObject("outcomeDetail"));
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(caseId, enrollment, now, TimelineKinds.TASK_OUTCOME, data));
        if (outside) {
            entries.add(new TimelineEntry(caseId, enrollment, now, TimelineKinds.TASK_COMPLIANCE_EXCEPTION,
                    new JsonObject().put("taskId", task.getString("id")).put("outcome", outcome.outcome().wire())
                            .put("at", outcome.at().toString()).put("windowFrom", task.getString("windowFrom"))
                            .put("windowUntil", task.getString("windowUntil"))
                            .put("reason", "the " + task.getString("kind") + " happened outside its lawful window")));
        }
        return entries;
    }

    /** A task as the API shows it: what the engine was given, its state, and its outcome once there is one. */
    static JsonObject view(JsonObject task) {
        JsonObject view = task.getJsonObject("detail").copy().put("id", task.getString("id"))
                .put("enrollmentId", task.getString("enrollmentId")).put("state", task.getString("state"))
                .put("createdAt", task.getString("createdAt")).put("closedAt", task.getString("closedAt"));
        view.remove("taskId");
        if (task.getString("outcome") != null) {
            JsonObject outcome = new JsonObject().put("outcome", task.getString("outcome"))
                    .put("at", task.getString("outcomeAt")).put("notes", task.getString("notes"));
            JsonObject detail = task.getJsonObject("outcomeDetail");
            if (detail != null) {
                outcome.mergeIn(detail);
            }
            view.put("outcome", outcome);
        }
        return view;
    }

    static JsonObject page(List<JsonObject> rows, int limit) {
        JsonArray tasks = new JsonArray();
        rows.stream().limit(limit).forEach(t -> tasks.add(view(t)));
        String next = null;
        if (rows.size() > limit) {
            JsonObject last = rows.get(limit - 1);
            next = new Cursor(Instant.parse(last.getString("createdAt")), UUID.fromString(last.getString("id"))).encode();
        }
        return new JsonObject().put("tasks", tasks).put("next", next);
    }
}
