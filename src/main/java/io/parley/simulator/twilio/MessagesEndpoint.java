package io.parley.simulator.twilio;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Messages list and instance resources: create (POST), list (GET) and fetch (GET by sid). */
final class MessagesEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(MessagesEndpoint.class);

    private final SimulatedAccount account;
    private final MessageDelivery delivery;
    private final Schedule schedule;
    private final Clock clock;

    MessagesEndpoint(SimulatedAccount account, MessageDelivery delivery, Schedule schedule, Clock clock) {
        this.account = account;
        this.delivery = delivery;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Accepts the message at once (a client that gives up waiting has still sent it, as with Twilio), answers after
     * the configured latency, and starts delivery when it has answered.
     */
    void create(RoutingContext ctx) {
        MultiMap form = ctx.request().formAttributes();
        var invalid = MessageValidation.check(form);
        if (invalid.isPresent()) {
            ApiReply.error(ctx, invalid.get());
            return;
        }
        MessageResource message = accept(form, clock.instant());
        LOG.debug("message {} accepted for {}", message.sid(), PhoneNumbers.masked(message.to()));
        boolean drop = account.faults().takeDrop(Faults.Drop.AFTER_ACCEPTING, false);
        schedule.after(account.faults().latency()).onComplete(elapsed -> {
            if (drop) {
                ApiReply.reset(ctx); // taken, but the client never hears so
            } else {
                ApiReply.json(ctx, 201, message.toJson());
            }
            delivery.start(message);
        });
    }

    void fetch(RoutingContext ctx) {
        String sid = ctx.pathParam("Sid");
        account.messages().find(sid).ifPresentOrElse(
                message -> ApiReply.json(ctx, 200, message.toJson()),
                () -> ApiReply.error(ctx, TwilioError.notFound(ctx.request().path())));
    }

    void list(RoutingContext ctx) {
        MultiMap query = ctx.queryParams();
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : List.of("To", "From")) {
            if (query.get(name) != null) {
                filters.put(name, query.get(name));
            }
        }
        List<MessageResource> matching = account.messages().newestFirst().stream()
                .filter(m -> !filters.containsKey("To") || Objects.equals(filters.get("To"), m.to()))
                .filter(m -> !filters.containsKey("From") || Objects.equals(filters.get("From"), m.from()))
                .toList();
        ApiReply.json(ctx, 200, ListPage.of(ctx.request().path(), "messages", query, filters, matching,
                MessageResource::sid, MessageResource::toJson));
    }

    private MessageResource accept(MultiMap form, Instant now) {
        int numMedia = form.getAll("MediaUrl").size();
        String sid = Sids.next(numMedia > 0 ? "MM" : "SM");
        String body = form.get("Body") == null ? "" : form.get("Body");
        MessageResource message = new MessageResource(sid, account.accountSid(), form.get("From"), form.get("To"),
                form.get("MessagingServiceSid"), body, "outbound-api", "queued", null, SegmentCount.of(body),
                numMedia, now, now, null, form.get("StatusCallback"));
        account.messages().add(sid, message);
        account.received(new SimulatedMessage(sid, FormParams.of(form), now));
        return message;
    }
}
