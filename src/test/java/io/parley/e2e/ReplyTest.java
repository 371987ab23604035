package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.InboundTexts;
import io.parley.testing.MutableClock;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.parley.testing.ServiceHarness.count;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replies through Twilio's signed inbound webhook: opt-outs, promises to pay, classification over the API. */
class ReplyTest {
    private ServiceHarness harness;
    private InboundTexts texts;
    private Path sequences;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
        texts = new InboundTexts(harness);
        sequences = TestSequences.directory("""
                name: two-texts
                version: 1
                stopOn: [payment_received, dispute]
                pauseOn: [promise_to_pay]
                onBrokenPromise: second
                steps:
                  - id: first
                    channel: sms
                    template: demo-sms-1
                    at: { anchor: enrollment, after: PT0S }
                  - id: middle
                    channel: sms
                    template: demo-sms-2
                    at: { anchor: previous, after: PT4S }
                  - id: second
                    channel: sms
                    template: demo-sms-2
                    at: { anchor: previous, after: PT4S }
                """);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private HttpResponse<Buffer> inbound(Parley parley, String sid, String from, String body, String token) {
        return texts.send(parley, sid, from, body, token);
    }

    private String token() {
        return texts.token();
    }

    private long textsTo(String phone) {
        return texts.textsTo(phone);
    }

    @Test
    void stopBlocksTheNextTextAndIsConfirmedExactlyOnce() {
        Parley parley = harness.start(Map.of("paths.sequences", sequences.toString()));
        String phone = "+16465550501";
        assertEquals(201, harness.post(parley, "/v1/enrollments",
                EnrollmentBodies.request("case-stop", "two-texts", phone, null, TestZones.afternoon())).statusCode());
        harness.awaitTimeline(parley, "case-stop", t -> has(t, "attempt.status",
                d -> "delivered".equals(d.getString("status"))), Duration.ofSeconds(20));

        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        var first = inbound(parley, sid, phone, " Stop! ", token());
        assertEquals(200, first.statusCode());
        assertTrue(first.bodyAsString().contains("You will no longer receive texts"), first.bodyAsString());
        var redelivered = inbound(parley, sid, phone, " Stop! ", token());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", redelivered.bodyAsString(),
                "a redelivery of the same message changes nothing");
        var again = inbound(parley, "SM" + UUID.randomUUID().toString().replace("-", ""), phone, "STOP", token());
        assertTrue(!again.bodyAsString().contains("<Message>"), "already opted out: no second confirmation");

        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-stop",
                t -> has(t, "decision", d -> "suppress".equals(d.getString("outcome"))), Duration.ofSeconds(20));
        assertEquals(1, textsTo(phone), "nothing after STOP");
        assertEquals(1, count(timeline, "contact.opted_out", d -> true));
        assertTrue(has(timeline, "reply.received", d -> "opt_out".equals(d.getString("intent"))
                && !d.getJsonArray("reasons").isEmpty()));
    }

    @Test
    void chineseOptOutKeyword() {
        Parley parley = harness.start(Map.of("paths.sequences", sequences.toString()));
        String phone = "+8613800138000";
        JsonObject body = EnrollmentBodies.request("case-td", "two-texts", phone, null, ZoneId.of("Asia/Shanghai"));
        body.getJsonObject("debtor").put("locale", "zh-CN").put("timeZone", TestZones.afternoon().getId());
        body.getJsonObject("debtor").getJsonObject("address").put("country", "CN").put("region", "SH");
        body.getJsonObject("account").put("currency", "CNY");
        var created = harness.post(parley, "/v1/enrollments", body);
        assertEquals(201, created.statusCode(), created.bodyAsString());
        harness.awaitTimeline(parley, "case-td", t -> has(t, "attempt.status",
                d -> "delivered".equals(d.getString("status"))), Duration.ofSeconds(20));
        var reply = inbound(parley, "SM" + UUID.randomUUID().toString().replace("-", ""), phone, "退订", token());
        assertTrue(reply.bodyAsString().contains("退订成功"), reply.bodyAsString());
        harness.awaitTimeline(parley, "case-td",
                t -> has(t, "decision", d -> "suppress".equals(d.getString("outcome"))), Duration.ofSeconds(20));
        assertEquals(1, textsTo(phone));
    }

    @Test
    void aForgedInboundMessageIsRefusedAndChangesNothing() {
        Parley parley = harness.start(Map.of("paths.sequences", sequences.toString()));
        var forged = inbound(parley, "SM" + "1".repeat(32), "+16465550502", "STOP", "not-the-auth-token");
        assertEquals(403, forged.statusCode());
    }

    @Test
    void aPromiseToPayPausesTheSequenceAndABrokenPromiseTakesItsBranch() {
        Parley parley = harness.start(Map.of("paths.sequences", sequences.toString()), clock);
        String phone = "+16465550503";
        ZoneId zone = TestZones.afternoon();
        assertEquals(201, harness.post(parley, "/v1/enrollments",
                EnrollmentBodies.request("case-promise", "two-texts", phone, null, zone)).statusCode());
        harness.awaitTimeline(parley, "case-promise", t -> has(t, "attempt.status",
                d -> "delivered".equals(d.getString("status"))), Duration.ofSeconds(20));

        inbound(parley, "SM" + UUID.randomUUID().toString().replace("-", ""), phone, "I will pay 300 on Friday", token());
        List<JsonObject> paused = harness.awaitTimeline(parley, "case-promise",
                t -> has(t, "enrollment.paused", d -> true), Duration.ofSeconds(10));
        LocalDate friday = clock.instant().atZone(zone).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        assertTrue(has(paused, "promise.recorded", d -> friday.toString().equals(d.getString("date"))
                && "300".equals(d.getString("amount"))), paused.toString());
        ServiceHarness.sleep(6000);
        assertEquals(1, textsTo(phone), "paused: nothing sent while the promise stands");

        // Friday passes, and the grace period, with no payment
        long days = java.time.temporal.ChronoUnit.DAYS.between(clock.instant().atZone(zone).toLocalDate(), friday);
        clock.advance(Duration.ofDays(days + 3).plusHours(1));
        List<JsonObject> resumed = harness.awaitTimeline(parley, "case-promise",
                t -> has(t, "attempt.sending", d -> "second".equals(d.getString("stepId"))), Duration.ofSeconds(30));
        assertTrue(has(resumed, "promise.broken", d -> true));
        assertTrue(!has(resumed, "attempt.sending", d -> "middle".equals(d.getString("stepId"))),
                "the broken-promise branch skips the rest of the plan");
    }

    @Test
    void classifyExplainsWithoutSideEffects() {
        Parley parley = harness.start(Map.of());
        var response = harness.post(parley, "/v1/replies/classify", new JsonObject().put("text", "下周五还500")
                .put("locale", "zh-CN").put("timeZone", "Asia/Shanghai").put("arrivedAt", "2026-11-23T02:00:00Z"));
        assertEquals(200, response.statusCode(), response.bodyAsString());
        JsonObject c = response.bodyAsJsonObject();
        assertEquals("promise_to_pay", c.getString("intent"));
        assertEquals("500", c.getJsonObject("promise").getString("amount"));
        assertEquals("2026-12-04", c.getJsonObject("promise").getString("date"), c.encodePrettily());
        assertTrue(c.containsKey("secondaryIntent") && c.getValue("secondaryIntent") == null, c.encodePrettily());

        JsonObject two = harness.post(parley, "/v1/replies/classify", new JsonObject()
                .put("text", "This is not my debt. Stop emailing me.").put("channel", "sms")).bodyAsJsonObject();
        assertEquals("dispute", two.getString("intent"), two.encodePrettily());
        assertEquals("opt_out", two.getString("secondaryIntent"), two.encodePrettily());
        assertEquals("channels", two.getJsonObject("optOut").getString("scope"));
        assertEquals(List.of("email"), two.getJsonObject("optOut").getJsonArray("channels").getList());

        JsonObject keyword = harness.post(parley, "/v1/replies/classify", new JsonObject().put("text", "Ｔ。")
                .put("locale", "zh-CN").put("channel", "sms")).bodyAsJsonObject();
        assertEquals("opt_out", keyword.getString("intent"));
        assertEquals("reply_channel", keyword.getJsonObject("optOut").getString("scope"));
        assertEquals(List.of("sms"), keyword.getJsonObject("optOut").getJsonArray("channels").getList());

        JsonObject unsure = harness.post(parley, "/v1/replies/classify", new JsonObject().put("text", "leave me alone"))
                .bodyAsJsonObject();
        assertEquals("other", unsure.getString("intent"));
        assertTrue(unsure.getString("review", "").contains("leave me alone"), unsure.encodePrettily());

        var bad = harness.post(parley, "/v1/replies/classify", new JsonObject().put("text", "hi").put("timeZone", "Mars/Base"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.bodyAsString().contains("timeZone"));
        var badChannel = harness.post(parley, "/v1/replies/classify", new JsonObject().put("text", "hi").put("channel", "pigeon"));
        assertEquals(422, badChannel.statusCode());
        assertTrue(badChannel.bodyAsString().contains("channel"));
    }
}
