package io.parley.simulator.twilio;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an accepted call through its statuses (queued, ringing, in-progress, completed, or the ending its scenario
 * names), one step per delivery delay. When answered, the callee is played through the call's TwiML
 * ({@link CalleeConversation}) before it ends; each status whose event was asked for in StatusCallbackEvent is
 * reported to the StatusCallback, the ending always.
 */
final class CallProgress {
    private static final Logger LOG = LoggerFactory.getLogger(CallProgress.class);

    private final ResourceStore<CallResource> store;
    private final Scenarios scenarios;
    private final SignedWebhook webhook;
    private final Schedule schedule;
    private final Duration delay;
    private final Clock clock;
    private final java.util.function.Function<String, CallTranscript> transcripts;

    CallProgress(ResourceStore<CallResource> store, Scenarios scenarios, SignedWebhook webhook, Schedule schedule,
                 Duration delay, Clock clock, java.util.function.Function<String, CallTranscript> transcripts) {
        this.transcripts = transcripts;
        this.store = store;
        this.scenarios = scenarios;
        this.webhook = webhook;
        this.schedule = schedule;
        this.delay = delay;
        this.clock = clock;
    }

    void start(CallResource queued) {
        List<String> steps = CallOutcome.stepsTo(scenarios.callee(queued.to()).status());
        AtomicInteger sequence = new AtomicInteger();
        report(queued, sequence).compose(reported -> advance(queued.sid(), steps, 0, sequence))
                .onFailure(e -> LOG.debug("call {} stopped: {}", queued.sid(), e.toString()));
    }

    private Future<Void> advance(String sid, List<String> steps, int index, AtomicInteger sequence) {
        if (index >= steps.size()) {
            return Future.succeededFuture();
        }
        String status = steps.get(index);
        return schedule.after(delay)
                .compose(elapsed -> store.update(sid, call -> next(call, status))
                        .map(call -> step(call, sequence))
                        .orElseGet(Future::succeededFuture))
                .compose(reported -> advance(sid, steps, index + 1, sequence));
    }

    private CallResource next(CallResource call, String status) {
        CallResource moved = call.withStatus(status, clock.instant());
        if (!call.request().detectsMachine() || call.answeredBy() != null) {
            return moved;
        }
        if ("in-progress".equals(status)) {
            return moved.answeredBy(scenarios.answeredBy(call.to()));
        }
        return CallOutcome.isFinal(status) ? moved.answeredBy("unknown") : moved;
    }

    /**
     * Reports the status; on answer, first requests the call's instructions as Twilio does, then plays the callee
     * through them to the end of the call.
     */
    private Future<Void> step(CallResource call, AtomicInteger sequence) {
        if (!"in-progress".equals(call.status())) {
            return report(call, sequence);
        }
        CalleeConversation callee = new CalleeConversation(webhook, clock, call, scenarios.callee(call.to()),
                transcripts.apply(call.sid()));
        return callee.open().compose(first -> report(call, sequence).compose(reported -> callee.play(first)));
    }

    private Future<Void> report(CallResource call, AtomicInteger sequence) {
        LOG.debug("call {} is {}", call.sid(), call.status());
        String callback = call.request().statusCallback();
        boolean asked = CallOutcome.isFinal(call.status())
                || call.request().statusCallbackEvents().contains(CallOutcome.eventOf(call.status()));
        if (callback == null || !asked) {
            return Future.succeededFuture();
        }
        CallReport report = CallReport.of(call, sequence.getAndIncrement(), clock.instant());
        return webhook.post(callback, report.statusParams())
                .<Void>mapEmpty()
                .recover(e -> Future.succeededFuture());
    }
}
