package io.parley.simulator.twilio;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Calls list and instance resources: create (POST), list (GET, filtered and paged) and fetch (GET by sid). */
final class CallsEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(CallsEndpoint.class);

    private final SimulatedAccount account;
    private final CallProgress progress;
    private final Schedule schedule;
    private final Clock clock;

    CallsEndpoint(SimulatedAccount account, CallProgress progress, Schedule schedule, Clock clock) {
        this.account = account;
        this.progress = progress;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Accepts the call at once, answers after the configured latency, and starts dialling when it has answered. */
    void create(RoutingContext ctx) {
        MultiMap form = ctx.request().formAttributes();
        var invalid = CallValidation.check(form);
        if (invalid.isPresent()) {
            ApiReply.error(ctx, invalid.get());
            return;
        }
        CallResource call = accept(form, clock.instant());
        LOG.debug("call {} accepted for {}", call.sid(), PhoneNumbers.masked(call.to()));
        boolean drop = account.faults().takeDrop(Faults.Drop.AFTER_ACCEPTING, true);
        schedule.after(account.faults().latency()).onComplete(elapsed -> {
            if (drop) {
                ApiReply.reset(ctx); // taken, but the client never hears so
            } else {
                ApiReply.json(ctx, 201, call.toJson());
            }
            progress.start(call);
        });
    }

    void fetch(RoutingContext ctx) {
        account.calls().find(ctx.pathParam("Sid")).ifPresentOrElse(
                call -> ApiReply.json(ctx, 200, call.toJson()),
                () -> ApiReply.error(ctx, TwilioError.notFound(ctx.request().path())));
    }

    /** The calls the query's filters ({@link CallFilters}) let through, newest first, one page of them. */
    void list(RoutingContext ctx) {
        CallFilters filters = CallFilters.of(ctx.queryParams());
        var matching = account.calls().newestFirst().stream().filter(filters::matches).toList();
        ApiReply.json(ctx, 200, ListPage.of(ctx.request().path(), "calls", ctx.queryParams(), filters.given(),
                matching, CallResource::sid, CallResource::toJson));
    }

    private CallResource accept(MultiMap form, Instant now) {
        String sid = Sids.next("CA");
        CallRequest request = CallRequest.of(form.get("Url"), form.get("Twiml"), form.get("StatusCallback"),
                form.getAll("StatusCallbackEvent"), form.get("MachineDetection"));
        CallResource call = CallResource.queued(sid, account.accountSid(), form.get("From"), form.get("To"), now,
                request);
        account.calls().add(sid, call);
        account.received(new SimulatedCall(sid, FormParams.of(form), now));
        return call;
    }
}
