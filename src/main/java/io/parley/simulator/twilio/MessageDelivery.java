package io.parley.simulator.twilio;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an accepted outbound message through its statuses (queued, then sent and delivered, or the ending its
 * scenario names), one step per delivery delay, reporting each status to the message's StatusCallback. The next
 * step starts only after the previous report is done, so reports arrive in order.
 */
final class MessageDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDelivery.class);

    private final ResourceStore<MessageResource> store;
    private final Scenarios scenarios;
    private final SignedWebhook webhook;
    private final Schedule schedule;
    private final Duration delay;
    private final Clock clock;

    MessageDelivery(ResourceStore<MessageResource> store, Scenarios scenarios, SignedWebhook webhook,
                    Schedule schedule, Duration delay, Clock clock) {
        this.store = store;
        this.scenarios = scenarios;
        this.webhook = webhook;
        this.schedule = schedule;
        this.delay = delay;
        this.clock = clock;
    }

    void start(MessageResource queued) {
        List<String> steps = MessageOutcome.stepsTo(scenarios.messageOutcome(queued.to()));
        report(queued).compose(reported -> advance(queued.sid(), steps, 0))
                .onFailure(e -> LOG.debug("delivery of {} stopped: {}", queued.sid(), e.toString()));
    }

    private Future<Void> advance(String sid, List<String> steps, int index) {
        if (index >= steps.size()) {
            return Future.succeededFuture();
        }
        String status = steps.get(index);
        return schedule.after(delay)
                .compose(elapsed -> store.update(sid,
                                m -> m.withStatus(status, MessageOutcome.errorCodeOf(status), clock.instant()))
                        .map(this::report)
                        .orElseGet(Future::succeededFuture))
                .compose(reported -> advance(sid, steps, index + 1));
    }

    /** Reports the message's status to its StatusCallback; a report that cannot be delivered does not stop it. */
    private Future<Void> report(MessageResource message) {
        LOG.debug("message {} is {}", message.sid(), message.status());
        if (message.statusCallback() == null) {
            return Future.succeededFuture();
        }
        return webhook.post(message.statusCallback(), callbackParams(message))
                .<Void>mapEmpty()
                .recover(e -> Future.succeededFuture());
    }

    static Map<String, String> callbackParams(MessageResource message) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", message.accountSid());
        params.put("ApiVersion", MessageResource.API_VERSION);
        if (message.from() != null) {
            params.put("From", message.from());
        }
        params.put("MessageSid", message.sid());
        params.put("MessageStatus", message.status());
        if (message.messagingServiceSid() != null) {
            params.put("MessagingServiceSid", message.messagingServiceSid());
        }
        params.put("SmsSid", message.sid());
        params.put("SmsStatus", message.status());
        params.put("To", message.to());
        if (message.errorCode() != null) {
            params.put("ErrorCode", message.errorCode().toString());
        }
        return params;
    }
}
