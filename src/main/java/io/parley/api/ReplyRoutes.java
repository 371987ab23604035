package io.parley.api;

import io.parley.domain.Channel;
import io.parley.http.ApiResponse;
import io.parley.reply.Classification;
import io.parley.reply.ClassificationWire;
import io.parley.reply.ReplyClassifier;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import static io.parley.api.JsonFields.OPTIONAL;
import static io.parley.api.JsonFields.REQUIRED;

/**
 * POST /v1/replies/classify: what the classifier makes of a text, with the amount and date it extracts and its
 * reasons. No side effects: operators use it to try their keyword configuration.
 */
public final class ReplyRoutes {
    private static final Set<String> KEYS = Set.of("text", "locale", "timeZone", "arrivedAt", "channel");
    private static final int MAX_TEXT = 5000;

    private final ReplyClassifier classifier;
    private final ZoneId defaultZone;
    private final Clock clock;

    public ReplyRoutes(ReplyClassifier classifier, ZoneId defaultZone, Clock clock) {
        this.classifier = classifier;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /** A text to classify, as a reply in that language and zone arriving at that instant. */
    private record Reply(String text, String locale, ZoneId zone, Instant arrivedAt, Channel channel) {
    }

    public void mount(ApiRouter api) {
        api.operation("classifyReply", this::read, this::classify);
    }

    private Reply read(RoutingContext ctx) {
        Violations violations = new Violations();
        JsonFields body = JsonFields.root(JsonBody.of(ctx), violations);
        body.rejectUnknown(KEYS);
        String text = body.text("text", REQUIRED, MAX_TEXT);
        String locale = body.string("locale", OPTIONAL);
        String zoneText = body.string("timeZone", OPTIONAL);
        String channelText = body.string("channel", OPTIONAL);
        Channel channel = null;
        if (channelText != null) {
            try {
                channel = Channel.parse(channelText);
            } catch (IllegalArgumentException e) {
                body.invalid("channel", e.getMessage());
            }
        }
        Instant arrivedAt = body.instant("arrivedAt", OPTIONAL);
        ZoneId zone = defaultZone;
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                body.invalid("timeZone", "'" + zoneText + "' is not a time zone (e.g. America/New_York)");
            }
        }
        violations.throwIfAny();
        return new Reply(text, locale == null ? "en" : locale, zone, arrivedAt == null ? clock.instant() : arrivedAt,
                channel);
    }

    private void classify(RoutingContext ctx, Reply reply) {
        Classification c = classifier.classify(reply.text(), reply.locale(), reply.zone(), reply.arrivedAt());
        new ApiResponse(200, new JsonObject(ClassificationWire.of(c, reply.channel())).put("locale", reply.locale())
                .put("timeZone", reply.zone().getId()).put("arrivedAt", reply.arrivedAt().toString())).send(ctx);
    }

}
