package io.parley.channel.voice;

import io.parley.channel.AttemptChange;
import io.parley.channel.ChannelServices;
import io.parley.channel.voice.flow.CallFlow;
import io.parley.channel.voice.flow.CallOutcomes;
import io.parley.channel.voice.flow.CallState;
import io.parley.channel.voice.store.VoiceCalls;
import io.parley.domain.AttemptStatus;
import io.parley.observability.Metrics;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Twilio's call status callbacks (initiated, ringing, answered, completed or busy, no-answer, failed, canceled):
 * each on the timeline with its duration and AnsweredBy; the attempt moved forward; and at the end, the outcome the
 * call came to from where its flow stood (a callee who hung up mid-flow ends it there, noted).
 */
final class CallStatusWebhook {
    /** The timeline kind of a call status Twilio reported. */
    static final String STATUS = "call.status";
    private final Pool pool;
    private final ChannelServices services;
    private final Metrics metrics;
    private final Clock clock;

    CallStatusWebhook(Pool pool, ChannelServices services, Metrics metrics, Clock clock) {
        this.pool = pool;
        this.services = services;
        this.metrics = metrics;
        this.clock = clock;
    }

    Future<Void> handle(UUID attempt, Map<String, String> params) {
        String status;
        try {
            status = TwilioCallStatus.parse(params.get("CallStatus"));
        } catch (IllegalArgumentException e) {
            metrics.callback("voice", "unknown_status");
            return Future.succeededFuture();
        }
        String sid = params.get("CallSid");
        JsonObject note = new JsonObject().put("status", status).put("callSid", sid)
                .put("duration", params.get("CallDuration")).put("answeredBy", params.get("AnsweredBy"))
                .put("sequenceNumber", params.get("SequenceNumber"));
        return VoiceCalls.status(pool, attempt, status, sid, clock.instant()).compose(call -> {
            if (call.isEmpty()) {
                metrics.callback("voice", "unknown_attempt");
                return Future.succeededFuture();
            }
            CallState state = call.get().state();
            AttemptStatus attemptStatus = TwilioCallStatus.toAttemptStatus(status, state);
            AttemptChange change = AttemptChange.of(attempt, attemptStatus, sid);
            Future<Void> noted = services.note(attempt, STATUS, note);
            if (TwilioCallStatus.isFinal(status)) {
                change = change.withOutcome(CallOutcomes.of(state, status))
                        .withDetails(note.copy().put("outcome", CallOutcomes.of(state, status).wire()));
                if ("completed".equals(status)) {
                    noted = noted.compose(v -> CallFlow.hungUp(state).map(e -> services.note(attempt, e.kind(),
                            new JsonObject(new java.util.LinkedHashMap<>(e.data())).put("callSid", sid)))
                            .orElse(Future.succeededFuture()));
                }
            }
            AttemptChange recorded = change;
            return noted.compose(v -> services.record(List.of(recorded))).map(applied -> {
                metrics.callback("voice", applied.isEmpty() ? "duplicate" : "accepted");
                return null;
            });
        });
    }
}
