package io.parley.e2e.hostile;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replies act only when they come from the debtor: a stranger who knows an attempt's Message-ID cannot opt the
 * debtor out or back in, a mail the receiving relay did not authenticate acts on nothing, and mail that cannot be
 * read is quarantined with 202, never a 500.
 */
class SpoofedReplyTest {
    private static ServiceHarness harness;
    private static Parley parley;

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
        var sequences = TestSequences.directory("""
                name: one-email
                version: 1
                stopOn: [payment_received]
                steps:
                  - id: email
                    channel: email
                    template: demo-email
                    at: { anchor: enrollment, after: PT0S }
                """);
        parley = harness.start(Map.of("paths.sequences", sequences.toString()));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static String sentAttempt(String caseId, String phone, String email) {
        assertEquals(201, harness.post(parley, "/v1/enrollments",
                EnrollmentBodies.request(caseId, "one-email", phone, email, TestZones.afternoon())).statusCode());
        List<JsonObject> t = harness.awaitTimeline(parley, caseId, x -> has(x, "attempt.status",
                d -> "sent".equals(d.getString("status"))), Duration.ofSeconds(20));
        return t.stream().filter(e -> e.getString("kind").equals("attempt.sending")).findFirst().orElseThrow()
                .getJsonObject("data").getString("attemptId");
    }

    private static HttpResponse<Buffer> inbound(String raw) {
        return ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", "/v1/inbound/email")
                .putHeader("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY)
                .putHeader("Content-Type", "message/rfc822")
                .sendBuffer(Buffer.buffer(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    private static String mail(String headers, String attempt, String id, String body) {
        return headers + """
                To: reply+%s@parley.local
                Subject: Re: Your account
                Message-ID: <%s@elsewhere.example>
                In-Reply-To: <%s@parley.local>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(attempt.replace("-", ""), id, attempt, body);
    }

    private static String status(String debtorId, String address) {
        JsonObject debtor = harness.call(parley, HttpMethod.GET, "/v1/debtors/" + debtorId, ServiceHarness.ADMIN_KEY,
                null).bodyAsJsonObject();
        return debtor.getJsonArray("contactPoints").stream().map(JsonObject.class::cast)
                .filter(p -> address.equalsIgnoreCase(p.getString("address"))).findFirst().orElseThrow()
                .getString("status");
    }

    @Test
    void aStrangerNamingTheAttemptCannotOptTheDebtorOutOrIn() {
        String attempt = sentAttempt("spoof-1", "+16465550711", "alex.morgan@example.com");
        String debtor = "debtor-spoof-1";
        assertEquals(202, inbound(mail("From: someone@elsewhere.example\n", attempt, "s1", "STOP")).statusCode());
        List<JsonObject> timeline = harness.awaitTimeline(parley, "spoof-1",
                t -> has(t, "reply.unknown_sender", d -> true), Duration.ofSeconds(10));
        assertTrue(has(timeline, "reply.unknown_sender", d -> "someone@elsewhere.example".equals(d.getString("from"))
                && d.getString("why").contains("alex.morgan@example.com") && !d.getBoolean("actedOn")), "" + timeline);
        assertTrue(has(timeline, "agent.flagged", d -> d.getString("reason").contains("unknown sender")));
        assertFalse(has(timeline, "contact.opted_out", d -> true), "a stranger's STOP changes nothing");
        assertEquals("valid", status(debtor, "alex.morgan@example.com"));

        // the debtor opts out (From in other case: the same mailbox), then a stranger tries to opt them back in
        assertEquals(202, inbound(mail("From: Alex Morgan <ALEX.MORGAN@EXAMPLE.COM>\n", attempt, "s2", "STOP"))
                .statusCode());
        harness.awaitTimeline(parley, "spoof-1", t -> has(t, "contact.opted_out", d -> true), Duration.ofSeconds(10));
        assertEquals("opted_out", status(debtor, "alex.morgan@example.com"));
        assertEquals(202, inbound(mail("From: someone@elsewhere.example\n", attempt, "s3", "START")).statusCode());
        harness.awaitTimeline(parley, "spoof-1", t -> ServiceHarness.count(t, "reply.unknown_sender", d -> true) == 2,
                Duration.ofSeconds(10));
        assertEquals("opted_out", status(debtor, "alex.morgan@example.com"), "no opt-in on a stranger's word");
    }

    @Test
    void aMailTheRelayDidNotAuthenticateActsOnNothing() {
        String attempt = sentAttempt("spoof-2", "+16465550712", "sam.lee@example.com");
        String forged = "Authentication-Results: mx.parley.local; spf=fail smtp.mailfrom=example.com;"
                + " dkim=none; dmarc=fail header.from=example.com\n"
                + "Authentication-Results: mx.parley.local; dmarc=pass header.from=example.com\n"
                + "From: sam.lee@example.com\n";
        assertEquals(202, inbound(mail(forged, attempt, "a1", "STOP")).statusCode());
        List<JsonObject> timeline = harness.awaitTimeline(parley, "spoof-2",
                t -> has(t, "reply.unknown_sender", d -> true), Duration.ofSeconds(10));
        assertTrue(has(timeline, "reply.unknown_sender", d -> d.getString("why").contains("did not authenticate")));
        assertEquals("valid", status("debtor-spoof-2", "sam.lee@example.com"));

        String genuine = "Authentication-Results: mx.parley.local; spf=pass smtp.mailfrom=bounce.example.com;"
                + " dkim=pass header.d=example.com; dmarc=pass header.from=example.com\nFrom: sam.lee@example.com\n";
        assertEquals(202, inbound(mail(genuine, attempt, "a2", "STOP")).statusCode());
        harness.awaitTimeline(parley, "spoof-2", t -> has(t, "contact.opted_out", d -> true), Duration.ofSeconds(10));
    }

    @Test
    void mailWithNoUsableFromIsQuarantinedNot500() {
        String raw = """
                To: replies@parley.local
                Subject: nobody
                Message-ID: <nofrom-1@elsewhere.example>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                STOP
                """;
        var answer = inbound(raw);
        assertEquals(202, answer.statusCode(), answer.bodyAsString());
        var undecodable = inbound("From: =?x-unknown?B?////?= <>\nMessage-ID: <bad-2@x>\nContent-Type: text/plain;"
                + " charset=x-nonsense\nContent-Transfer-Encoding: base64\n\n%%%%\u0000\n");
        assertEquals(202, undecodable.statusCode(), undecodable.bodyAsString());
        var quarantine = harness.call(parley, HttpMethod.GET, "/v1/inbound/quarantine", ServiceHarness.ADMIN_KEY, null);
        assertEquals(200, quarantine.statusCode());
        assertTrue(quarantine.bodyAsString().contains("nofrom-1@elsewhere.example"), quarantine.bodyAsString());
    }
}
