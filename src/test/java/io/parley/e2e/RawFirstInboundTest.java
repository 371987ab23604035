package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.InboundTexts;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
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
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost on the way in: inbound webhooks store the raw request first. A text that arrives while the database is
 * down is answered 503 (so the provider tries again) with nothing done, and is acted on when the retry comes; a mail
 * that cannot be read is quarantined and listed over the API; a bounce delivered twice is acted on once.
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
}
