package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.InboundTexts;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opt-outs, cease requests and wrong numbers follow the address, not the debtor record: a STOP from a number blocks
 * it under every debtor, a later enrollment of the number starts out suppressed and its decision says why, the scope
 * follows the channel named, a reply's secondary intent takes effect too, and holds and suppressions are listed and
 * lifted over the API with a reason on the timeline.
 */
class SuppressionTest {
    private ServiceHarness harness;
    private InboundTexts texts;
    private Path sequences;

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
        texts = new InboundTexts(harness);
        sequences = TestSequences.directory("""
                name: one-text
                version: 1
                stopOn: [payment_received]
                steps:
                  - id: first
                    channel: sms
                    template: demo-sms-1
                    at: { anchor: enrollment, after: PT0S }
                    fallback: [{ channel: email, template: demo-email }]
                """);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private Parley parley() {
        return harness.start(Map.of("paths.sequences", sequences.toString()));
    }

    private void enrollAndAwaitDelivery(Parley parley, String caseId, String phone, String email) {
        var created = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request(caseId, "one-text", phone, email,
                TestZones.afternoon()));
        assertEquals(201, created.statusCode(), created.bodyAsString());
        harness.awaitTimeline(parley, caseId, t -> has(t, "attempt.status", d -> "delivered".equals(d.getString("status"))
                || "sent".equals(d.getString("status"))), Duration.ofSeconds(20));
    }

    private JsonObject get(Parley parley, String path) {
        var response = harness.call(parley, HttpMethod.GET, path, ServiceHarness.ADMIN_KEY, null);
        assertEquals(200, response.statusCode(), response.bodyAsString());
        return response.bodyAsJsonObject();
    }

    @Test
    void aStopFromANumberBlocksItUnderEveryDebtorUntilItIsLifted() {
        Parley parley = parley();
        String phone = "+16465550611";
        enrollAndAwaitDelivery(parley, "case-a", phone, null);
        var stop = texts.send(parley, phone, "STOP");
        assertTrue(stop.bodyAsString().contains("You will no longer receive texts"), stop.bodyAsString());

        // the same number, enrolled later under another debtor and case, starts out suppressed
        var created = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-b", "one-text", phone, null,
                TestZones.afternoon()));
        assertEquals(201, created.statusCode(), created.bodyAsString());
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-b", t -> has(t, "decision",
                d -> "suppress".equals(d.getString("outcome"))), Duration.ofSeconds(20));
        assertTrue(has(timeline, "decision", d -> d.getJsonArray("reasons").encode()
                .contains("address suppressed: opt_out by reply")), timeline.toString());
        assertEquals(1, texts.textsTo(phone), "one text, to the first debtor, before the STOP");
        // a preview for the number consults the same list, and its decision names the suppression and why
        var preview = harness.post(parley, "/v1/sequences/one-text/preview", EnrollmentBodies.request("case-c",
                "one-text", phone, null, TestZones.afternoon()));
        assertEquals(200, preview.statusCode(), preview.bodyAsString());
        assertTrue(preview.bodyAsString().contains("address suppressed: opt_out by reply"), preview.bodyAsString());

        String query = "/v1/suppressions?channel=sms&address=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        JsonArray listed = get(parley, query).getJsonArray("suppressions");
        assertEquals(1, listed.size(), listed.encode());
        assertEquals("opt_out", listed.getJsonObject(0).getString("reason"));
        assertEquals("reply", listed.getJsonObject(0).getString("source"));
        assertTrue(get(parley, "/v1/debtors/debtor-case-b").getJsonArray("contactPoints").getJsonObject(0)
                .getJsonArray("suppressions").encode().contains("opt_out"));

        var lift = harness.post(parley, "/v1/suppressions/lift", new JsonObject().put("channel", "sms")
                .put("address", "+1 646 555 0611").put("reason", "the debtor asked by phone to get texts again"));
        assertEquals(200, lift.statusCode(), lift.bodyAsString());
        assertEquals(0, get(parley, query).getJsonArray("suppressions").size());
        assertEquals(1, get(parley, query + "&lifted=true").getJsonArray("suppressions").size());
        assertTrue(has(harness.timeline(parley, "case-b"), "suppression.lifted",
                d -> d.getString("reason").contains("asked by phone") && d.getString("by") != null));
        var again = harness.post(parley, "/v1/suppressions/lift", new JsonObject().put("channel", "sms")
                .put("address", phone).put("reason", "twice"));
        assertEquals(404, again.statusCode());
        var bad = harness.post(parley, "/v1/suppressions/lift", new JsonObject().put("channel", "sms")
                .put("address", phone));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.bodyAsString().contains("reason"), bad.bodyAsString());
    }

    @Test
    void startFromTheNumberLiftsItsOptOut() {
        Parley parley = parley();
        String phone = "+16465550612";
        enrollAndAwaitDelivery(parley, "case-c", phone, null);
        texts.send(parley, phone, "退订");
        var start = texts.send(parley, phone, "START");
        assertTrue(start.bodyAsString().contains("again"), start.bodyAsString());
        String query = "/v1/suppressions?channel=sms&address=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        assertEquals(0, get(parley, query).getJsonArray("suppressions").size());
    }

    @Test
    void aDisputeThatAlsoStopsEmailDoesBothAndTheScopeFollowsTheChannelNamed() {
        Parley parley = parley();
        String phone = "+16465550613";
        String email = "pat.lee@example.com";
        enrollAndAwaitDelivery(parley, "case-d", phone, email);
        texts.send(parley, phone, "This is not my debt. Stop emailing me.");
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-d", t -> has(t, "contact.opted_out", d -> true),
                Duration.ofSeconds(10));
        assertTrue(has(timeline, "reply.received", d -> "dispute".equals(d.getString("intent"))
                && "opt_out".equals(d.getString("secondaryIntent"))), timeline.toString());
        assertTrue(has(timeline, "case.event", d -> "dispute".equals(d.getString("type"))), timeline.toString());
        assertTrue(has(timeline, "contact.opted_out", d -> "email".equals(d.getString("channel"))
                && email.equals(d.getString("address"))), timeline.toString());
        assertTrue(!has(timeline, "contact.opted_out", d -> "sms".equals(d.getString("channel"))),
                "the text named email: the number stays usable");
        JsonArray holds = get(parley, "/v1/cases/case-d/holds").getJsonArray("holds");
        assertEquals("dispute", holds.getJsonObject(0).getString("kind"), holds.encode());

        var lifted = harness.post(parley, "/v1/cases/case-d/holds/dispute/lift",
                new JsonObject().put("reason", "validation sent and accepted"));
        assertEquals(200, lifted.statusCode(), lifted.bodyAsString());
        assertEquals(0, get(parley, "/v1/cases/case-d/holds").getJsonArray("holds").size());
        assertTrue(has(harness.timeline(parley, "case-d"), "hold.lifted",
                d -> "dispute".equals(d.getString("kind")) && d.getString("reason").contains("validation")));
        assertEquals(404, harness.post(parley, "/v1/cases/case-d/holds/dispute/lift",
                new JsonObject().put("reason", "again")).statusCode());
    }

    @Test
    void aWrongNumberIsSuppressedForTextsAndCalls() {
        Parley parley = parley();
        String phone = "+16465550614";
        enrollAndAwaitDelivery(parley, "case-e", phone, null);
        texts.send(parley, phone, "You have the wrong person, nobody called Alex here");
        String query = "/v1/suppressions?address=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        JsonArray listed = get(parley, query).getJsonArray("suppressions");
        assertEquals(2, listed.size(), listed.encode());
        assertTrue(listed.stream().map(o -> ((JsonObject) o).getString("reason")).allMatch("wrong_number"::equals));
    }
}
