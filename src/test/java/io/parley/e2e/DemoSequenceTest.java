package io.parley.e2e;

import io.parley.Parley;
import io.parley.simulator.twilio.SimulatedMessage;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestZones;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.parley.testing.ServiceHarness.count;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped demo sequence (SMS, email, SMS a few seconds apart) end to end over real HTTP, SMTP and Postgres. */
class DemoSequenceTest {
    private static ServiceHarness harness;
    private static Parley parley;

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
        parley = harness.start(java.util.Map.of());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void smsEmailSmsRunInOrderWithTheRightContent() throws Exception {
        String phone = "+16465550101";
        String email = "alex.morgan@example.com";
        JsonObject body = EnrollmentBodies.request("case-demo-1", "demo", phone, email, TestZones.afternoon());
        var created = harness.post(parley, "/v1/enrollments", body);
        assertEquals(201, created.statusCode(), created.bodyAsString());
        JsonObject enrollment = created.bodyAsJsonObject();
        assertEquals(3, enrollment.getJsonArray("plannedSteps").size());

        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-demo-1",
                t -> has(t, "enrollment.completed", d -> true), Duration.ofSeconds(40));

        List<SimulatedMessage> texts = harness.twilio.messages().stream()
                .filter(m -> phone.equals(m.param("To"))).toList();
        assertEquals(2, texts.size(), "two texts to the debtor");
        assertTrue(texts.get(0).param("Body").contains("Alex"), texts.get(0).param("Body"));
        assertTrue(texts.get(0).param("Body").contains("STOP"), "every SMS carries the opt-out instruction");
        assertTrue(texts.get(0).receivedAt().isBefore(texts.get(1).receivedAt()));

        List<MimeMessage> mails = Arrays.stream(harness.mail.getReceivedMessages())
                .filter(m -> recipient(m).equals(email)).toList();
        assertEquals(1, mails.size(), "one email to the debtor");
        MimeMessage mail = mails.get(0);
        assertTrue(mail.getMessageID().contains("@"), "Message-ID set");
        assertTrue(mail.getReplyTo()[0].toString().startsWith("reply+"), "Reply-To names the attempt");
        assertTrue(mail.getHeader("List-Unsubscribe")[0].contains("/optout/"));
        assertTrue(texts.get(0).receivedAt().isBefore(mail.getReceivedDate().toInstant().plusSeconds(1)));

        assertEquals(2, count(timeline, "attempt.status", d -> "delivered".equals(d.getString("status"))
                && "sms".equals(d.getString("channel"))), "both texts delivered");
        assertEquals(1, count(timeline, "attempt.status", d -> "sent".equals(d.getString("status"))
                && "email".equals(d.getString("channel"))), "the email sent");
        assertEquals(3, count(timeline, "decision", d -> "allow".equals(d.getString("outcome"))));
        List<String> order = timeline.stream()
                .filter(e -> e.getString("kind").equals("attempt.sending"))
                .map(e -> e.getJsonObject("data").getString("channel")).toList();
        assertEquals(List.of("sms", "email", "sms"), order);
        JsonObject firstSms = timeline.stream().filter(e -> e.getString("kind").equals("attempt.sending"))
                .findFirst().orElseThrow().getJsonObject("data").getJsonObject("content");
        assertTrue(firstSms.getInteger("segments") >= 1);
        assertEquals("GSM_7", firstSms.getString("encoding"));

        var read = harness.call(parley, HttpMethod.GET, "/v1/enrollments/" + enrollment.getString("id"),
                ServiceHarness.READ_KEY, null);
        assertEquals("completed", read.bodyAsJsonObject().getString("status"));
    }

    @Test
    void aCaseEventStopsTheSequence() {
        String phone = "+16465550102";
        String email = "jordan.lee@example.com";
        var created = harness.post(parley, "/v1/enrollments",
                EnrollmentBodies.request("case-demo-2", "demo", phone, email, TestZones.afternoon()));
        assertEquals(201, created.statusCode(), created.bodyAsString());
        String id = created.bodyAsJsonObject().getString("id");
        harness.awaitTimeline(parley, "case-demo-2", t -> has(t, "attempt.status",
                d -> "delivered".equals(d.getString("status"))), Duration.ofSeconds(20));

        var event = harness.post(parley, "/v1/cases/case-demo-2/events",
                new JsonObject().put("type", "payment_received").put("reference", "PAY-1"));
        assertEquals(202, event.statusCode(), event.bodyAsString());
        assertEquals(List.of(id), event.bodyAsJsonObject().getJsonArray("stopped").getList());

        ServiceHarness.sleep(7000);
        assertEquals(0, Arrays.stream(harness.mail.getReceivedMessages()).filter(m -> recipient(m).equals(email)).count(),
                "no email after the payment");
        assertEquals(1, harness.twilio.messages().stream().filter(m -> phone.equals(m.param("To"))).count());
        var read = harness.call(parley, HttpMethod.GET, "/v1/enrollments/" + id, ServiceHarness.READ_KEY, null);
        assertEquals("stopped", read.bodyAsJsonObject().getString("status"));
        List<JsonObject> timeline = harness.timeline(parley, "case-demo-2");
        assertTrue(has(timeline, "case.event", d -> "payment_received".equals(d.getString("type"))));
        assertTrue(has(timeline, "enrollment.stopped", d -> true));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
