package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.InboundTexts;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost on the way in: inbound webhooks store the raw request first. A text that arrives while the database is
 * down is answered 503 (so the provider tries again) with nothing done, and is acted on when the retry comes; a mail
 * that cannot be read is quarantined and listed over the API; a bounce delivered twice is acted on once. Many texts
 * at once are stored in shared inserts and routed in shared transactions, each answered with its own TwiML once its
 * request is committed; one whose routing fails (the database refuses its message) fails alone and stays pending.
 */
class RawFirstInboundTest {
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
                """);
    }

    @AfterEach
    void stop() {
        TestPostgres.available(harness.database, true);
        harness.close();
    }

    private HttpResponse<Buffer> mail(Parley parley, byte[] raw) {
        return ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", "/v1/inbound/email")
                .putHeader("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY)
                .putHeader("Content-Type", "message/rfc822").sendBuffer(Buffer.buffer(raw)));
    }

    @Test
    void aStopSentWhileTheDatabaseIsDownIsNotLost() {
        Parley parley = harness.start(Map.of("paths.sequences", sequences.toString()));
        String phone = "+16465550711";
        assertEquals(201, harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-outage", "one-text",
                phone, null, TestZones.afternoon())).statusCode());
        harness.awaitTimeline(parley, "case-outage", t -> has(t, "attempt.status",
                d -> "delivered".equals(d.getString("status"))), Duration.ofSeconds(20));

        String sid = InboundTexts.sid();
        TestPostgres.available(harness.database, false);
        HttpResponse<Buffer> refused;
        try {
            refused = texts.send(parley, sid, phone, "STOP", texts.token());
        } finally {
            TestPostgres.available(harness.database, true);
        }
        assertEquals(503, refused.statusCode(), "the database is down: Twilio is told to try again");
        assertEquals(0, TestPostgres.number(harness.database, "SELECT count(*) FROM inbound_request"));

        // Twilio's retry, once the database is back (the pool may first hand out a connection the outage ended)
        HttpResponse<Buffer> taken = texts.send(parley, sid, phone, "STOP", texts.token());
        for (int i = 0; i < 5 && taken.statusCode() == 503; i++) {
            ServiceHarness.sleep(200);
            taken = texts.send(parley, sid, phone, "STOP", texts.token());
        }
        assertEquals(200, taken.statusCode());
        assertTrue(taken.bodyAsString().contains("You will no longer receive texts"), taken.bodyAsString());
        assertEquals(1, TestPostgres.number(harness.database,
                "SELECT count(*) FROM address_suppression WHERE channel = 'sms' AND lifted_at IS NULL"));
        assertTrue(has(harness.timeline(parley, "case-outage"), "contact.opted_out", d -> true));
    }

    @Test
    void unreadableMailIsQuarantinedAndABounceDeliveredTwiceIsActedOnOnce() throws IOException {
        Parley parley = harness.start(Map.of());
        var unreadable = mail(parley, new byte[]{0, 1, 2, 3, (byte) 0xff, 10, 13});
        assertEquals(202, unreadable.statusCode(), unreadable.bodyAsString());
        assertEquals("quarantined", unreadable.bodyAsJsonObject().getString("takenAs"));
        var listed = harness.call(parley, HttpMethod.GET, "/v1/inbound/quarantine", ServiceHarness.READ_KEY, null);
        assertEquals(200, listed.statusCode(), listed.bodyAsString());
        JsonArray quarantined = listed.bodyAsJsonObject().getJsonArray("quarantined");
        assertEquals(1, quarantined.size(), quarantined.encode());
        assertEquals("email", quarantined.getJsonObject(0).getString("channel"));
        assertTrue(quarantined.getJsonObject(0).getString("reason").startsWith("unreadable"));

        byte[] bounce = Files.readAllBytes(Path.of("src", "test", "resources", "mail", "bounce", "postfix-dsn-5.1.1.eml"));
        assertEquals("bounce", mail(parley, bounce).bodyAsJsonObject().getString("takenAs"));
        assertEquals("duplicate", mail(parley, bounce).bodyAsJsonObject().getString("takenAs"));
    }

    @Test
    void manyTextsAtOnceAreEachAnsweredAndOneThatFailsHoldsNoneBack() {
        Parley parley = harness.start(Map.of("paths.sequences", sequences.toString()));
        String debtorPhone = "+16465550733";
        assertEquals(201, harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-grouped", "one-text",
                debtorPhone, null, TestZones.afternoon())).statusCode());
        TestPostgres.execute(harness.database, """
                CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.body = 'poison' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                    RETURN NEW;
                END $$""");
        TestPostgres.execute(harness.database, "CREATE TRIGGER refuse_poison BEFORE INSERT ON inbound_message "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_poison()");

        int n = 120;
        String[] bodies = {"I will pay 100 on Friday", "who is this?", "HELP", "ok"};
        List<String> sids = new ArrayList<>();
        List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sid = InboundTexts.sid();
            sids.add(sid);
            String from = i == 40 ? debtorPhone : String.format("+1646555%04d", 1000 + i);
            String body = i == 40 ? "STOP" : i == 77 ? "poison" : bodies[i % bodies.length];
            answers.add(texts.sending(parley, sid, from, body, texts.token()));
        }
        ServiceHarness.get(Future.all(answers));
        for (int i = 0; i < n; i++) {
            HttpResponse<Buffer> answer = answers.get(i).result();
            assertEquals(200, answer.statusCode(), "stored, so answered 200: " + i);
            String twiml = answer.bodyAsString();
            assertEquals(i == 40, twiml.contains("You will no longer receive texts"), i + ": " + twiml);
            if (i == 77) {
                assertFalse(twiml.contains("<Message>"), twiml);
            }
        }
        assertEquals(n - 1, TestPostgres.number(harness.database, "SELECT count(*) FROM inbound_message"));
        assertEquals(n - 1, TestPostgres.number(harness.database,
                "SELECT count(*) FROM inbound_request WHERE state = 'processed'"));
        assertEquals(1, TestPostgres.number(harness.database, "SELECT count(*) FROM inbound_request "
                + "WHERE state = 'pending' AND dedupe_key = '" + sids.get(77) + "'"), "kept, to be taken up again");
        assertEquals(1, TestPostgres.number(harness.database,
                "SELECT count(*) FROM address_suppression WHERE channel = 'sms' AND lifted_at IS NULL"));
        assertTrue(ServiceHarness.has(harness.timeline(parley, "case-grouped"), "contact.opted_out", d -> true));
    }
}
