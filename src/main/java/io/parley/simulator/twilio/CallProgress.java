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
 * names), one step per delivery delay. When answered, the call requests its Url as Twilio fetches TwiML; each status
 * whose event was asked for in StatusCallbackEvent is reported to the StatusCallback, the ending always.
 */
final class CallProgress {
    private static final Logger LOG = LoggerFactory.getLogger(CallProgress.class);

    private final ResourceStore<CallResource> store;
    private final Scenarios scenarios;
    private final SignedWebhook webhook;
    private final Schedule schedule;
    private final Duration delay;
    private final Clock clock;

    CallProgress(ResourceStore<CallResource> store, Scenarios scenarios, SignedWebhook webhook, Schedule schedule,
                 Duration delay, Clock clock) {
        this.store = store;
        this.scenarios = scenarios;
        this.webhook = webhook;
        this.schedule = schedule;
        this.delay = delay;
        this.clock = clock;
    }

    void start(CallResource queued) {
        List<String> steps = CallOutcome.stepsTo(scenarios.callOutcome(queued.to()));
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
                        .map(call -> answer(call).compose(answered -> report(call, sequence)))
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

    /** On answer, requests the call's TwiML Url as Twilio does; what it answers does not change the scenario. */
    private Future<Void> answer(CallResource call) {
        if (!"in-progress".equals(call.status()) || call.request().url() == null) {
            return Future.succeededFuture();
        }
        return webhook.post(call.request().url(), CallReport.of(call, 0, clock.instant()).instructionParams())
                .<Void>mapEmpty()
                .recover(e -> Future.succeededFuture());
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
