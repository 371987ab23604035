package io.parley.api;

import io.parley.domain.Channel;
import io.parley.http.ApiResponse;
import io.parley.reply.Classification;
import io.parley.reply.ClassificationWire;
import io.parley.reply.ReplyClassifier;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import static io.parley.api.JsonFields.OPTIONAL;
import static io.parley.api.JsonFields.REQUIRED;

/**
 * POST /v1/replies/classify: what the classifier makes of a text: its intent and secondary intent, what it would stop
 * (for the channel it came on, when {@code channel} is given), the amount and date it extracts, its reasons, and why a
 * person should read it. No side effects: operators use it to try their keyword configuration.
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

    public void mount(Router router) {
        router.post("/v1/replies/classify").handler(this::classify);
    }

    private void classify(RoutingContext ctx) {
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
        Instant at = arrivedAt == null ? clock.instant() : arrivedAt;
        Classification c = classifier.classify(text, locale == null ? "en" : locale, zone, at);
        new ApiResponse(200, new JsonObject(ClassificationWire.of(c, channel)).put("locale", locale == null ? "en" : locale)
                .put("timeZone", zone.getId()).put("arrivedAt", at.toString())).send(ctx);
    }

}
