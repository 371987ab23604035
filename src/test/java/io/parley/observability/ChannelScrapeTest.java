package io.parley.observability;

import io.parley.Parley;
import io.parley.testing.CallFixtures;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.MutableClock;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPolicies;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scrape after a call, a WeChat template message and a letter, each against its simulator: attempts are counted
 * for voice, wechat and letter, and the webhook requests of the voice, WeChat and print-house routes by endpoint.
 */
class ChannelScrapeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String VOICE = oneStep("scrape-voice", "voice", "m1-ivr\n    voicemail: voicemail-callback");
    private static final String WECHAT = oneStep("scrape-wechat", "wechat", "demo-wechat-1");
    private static final String LETTER = oneStep("scrape-letter", "letter", "m1-letter");
    private static final MutableClock CLOCK = new MutableClock();
    private static ServiceHarness harness;
    private static String scrape;

    @BeforeAll
    static void run() {
        harness = new ServiceHarness();
        // the letters' cut-off two hours ahead: the test clock moves past it once the letter is in its batch
        LocalTime cutoff = CLOCK.instant().plus(Duration.ofHours(2)).atZone(ZoneOffset.UTC).toLocalTime()
                .truncatedTo(ChronoUnit.MINUTES);
        Parley parley = harness.start(Map.of("paths.sequences", TestSequences.directory(VOICE, WECHAT, LETTER)
                        .toString(), "paths.policies", TestPolicies.callRules().toString(), "letter.zone", "UTC",
                "letter.cutoff", cutoff.toString(), "letter.pollInterval", "PT0.2S",
                "simulators.deliveryDelay", "PT0.1S"), CLOCK);
        String phone = "+16465550811";
        CallFixtures.callee(harness, phone, "human", "completed", "2"); // a wrong person: the call ends at once
        created(harness.post(parley, "/v1/enrollments",
                CallFixtures.usDebtor("case-scrape-voice", "scrape-voice", phone, TestZones.afternoon())));
        created(harness.post(parley, "/v1/enrollments", wechatDebtor()));
        JsonObject letter = EnrollmentBodies.request("case-scrape-letter", "scrape-letter", "+16465550812",
                "lee.scrape@example.com", TestZones.afternoon());
        letter.getJsonObject("debtor").getJsonObject("address").put("postalCode", "10001");
        created(harness.post(parley, "/v1/enrollments", letter));

        harness.awaitTimeline(parley, "case-scrape-voice", t -> has(t, "attempt.status",
                d -> "delivered".equals(d.getString("status"))), WAIT);
        harness.awaitTimeline(parley, "case-scrape-wechat", t -> has(t, "attempt.status",
                d -> "delivered".equals(d.getString("status"))), WAIT);
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-scrape-letter",
                t -> has(t, "letter.rendered", d -> true), WAIT);
        String batch = timeline.stream().filter(e -> e.getString("kind").equals("letter.rendered")).findFirst()
                .orElseThrow().getJsonObject("data").getString("batch");
        Instant cutoffAt = Instant.parse(harness.call(parley, HttpMethod.GET, "/v1/letters?batch=" + batch,
                ServiceHarness.READ_KEY, null).bodyAsJsonObject().getString("cutoffAt"));
        CLOCK.advance(Duration.between(CLOCK.instant(), cutoffAt).plusMinutes(1));
        harness.awaitTimeline(parley, "case-scrape-letter", t -> has(t, "letter.mailed", d -> true), WAIT);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        do {
            ServiceHarness.sleep(200);
            scrape = harness.call(parley, HttpMethod.GET, "/metrics", null, null).bodyAsString();
        } while (!scrape.contains("endpoint=\"printhouse_events\"") && System.nanoTime() < deadline);
    }

    /** A sequence of one step on a channel, at once. */
    private static String oneStep(String name, String channel, String template) {
        return """
                name: %s
                version: 1
                stopOn: [payment_received]
                steps:
                  - id: only
                    channel: %s
                    template: %s
                    at: { anchor: enrollment, after: PT0S }
                """.formatted(name, channel, template);
    }

    private static JsonObject wechatDebtor() {
        return new JsonObject().put("caseId", "case-scrape-wechat").put("sequence", "scrape-wechat")
                .put("debtor", new JsonObject().put("id", "debtor-scrape-wechat").put("name", "王芳")
                        .put("locale", "zh-CN").put("timeZone", TestZones.afternoon().getId())
                        .put("address", new JsonObject().put("country", "CN").put("region", "BJ").put("city", "北京")
                                .put("postalCode", "100000").put("lines", new JsonArray().add("长安街1号")))
                        .put("contactPoints", new JsonArray().add(new JsonObject().put("channel", "wechat")
                                .put("address", "oScrape_Wang").put("consent", true))))
                .put("account", new JsonObject().put("contractNo", "LN-2026-0811").put("balance", "3000.00")
                        .put("currency", "CNY").put("daysPastDue", 12).put("dueDate", "2026-11-18"));
    }

    private static void created(io.vertx.ext.web.client.HttpResponse<?> response) {
        assertEquals(201, response.statusCode(), response.bodyAsString());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void attemptsAreCountedForVoiceWechatAndLetters() {
        for (String channel : List.of("voice", "wechat", "letter")) {
            assertTrue(Pattern.compile("(?m)^parley_attempts_total\\{channel=\"" + channel + "\",status=\"[a-z_]+\"} ")
                    .matcher(scrape).find(), channel + " attempts in\n" + scrape);
        }
    }

    @Test
    void theVoiceWechatAndPrintHouseWebhooksAreCountedByEndpoint() {
        for (String endpoint : List.of("twilio_voice_answer", "twilio_voice_status", "wechat", "printhouse_events")) {
            assertTrue(scrape.contains("parley_webhook_requests_total{endpoint=\"" + endpoint + "\",result=\"accepted\"}"),
                    endpoint + " in\n" + scrape);
        }
    }
}
