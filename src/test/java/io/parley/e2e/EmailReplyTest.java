package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Email replies through the inbound webhook: a promise to pay with its broken-promise branch, and a bounce. */
class EmailReplyTest {
    private ServiceHarness harness;
    private Path sequences;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
        sequences = TestSequences.directory("""
                name: email-first
                version: 1
                stopOn: [payment_received, dispute]
                pauseOn: [promise_to_pay]
                onBrokenPromise: final
                steps:
                  - id: email
                    channel: email
                    template: demo-email
                    at: { anchor: enrollment, after: PT0S }
                  - id: reminder
                    channel: email
                    template: demo-email
                    at: { anchor: previous, after: PT5S }
                  - id: final
                    channel: sms
                    template: demo-sms-2
                    at: { anchor: previous, after: PT1S }
                """);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private String sentAttempt(Parley parley, String caseId) {
        List<JsonObject> t = harness.awaitTimeline(parley, caseId, x -> has(x, "attempt.status",
                d -> "sent".equals(d.getString("status"))), Duration.ofSeconds(20));
        return t.stream().filter(e -> e.getString("kind").equals("attempt.sending")).findFirst().orElseThrow()
                .getJsonObject("data").getString("attemptId");
    }

    private HttpResponse<Buffer> inbound(Parley parley, String raw) {
        return ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", "/v1/inbound/email")
                .putHeader("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY)
                .putHeader("Content-Type", "message/rfc822")
                .sendBuffer(Buffer.buffer(raw.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aPromiseByEmailPausesTheSequenceAndABrokenPromiseTakesItsBranch() {
        Parley parley = harness.start(Map.of("paths.sequences", sequences.toString()), clock);
        ZoneId zone = TestZones.afternoon();
        String email = "pat.lee@example.com";
        String phone = "+16465550601";
        assertEquals(201, harness.post(parley, "/v1/enrollments",
                EnrollmentBodies.request("case-mail", "email-first", phone, email, zone)).statusCode());
        String attempt = sentAttempt(parley, "case-mail");

        String reply = """
                From: Pat Lee <pat.lee@example.com>
                To: reply+%s@parley.local
                Subject: Re: Your account
                Message-ID: <reply-1@example.com>
                In-Reply-To: <%s@parley.local>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                I will pay 300 on Friday

                On Mon, Nov 23, 2026 at 10:00 AM Parley Demo Lending <collections@parley.local> wrote:
                > Hi Pat, your payment of $1,234.50 is overdue.
                """.formatted(attempt.replace("-", ""), attempt).replace("\n", "\r\n");
        var accepted = inbound(parley, reply);
        assertEquals(202, accepted.statusCode(), accepted.bodyAsString());
        assertEquals("promise_to_pay", accepted.bodyAsJsonObject().getString("takenAs"));
        List<JsonObject> paused = harness.awaitTimeline(parley, "case-mail",
                t -> has(t, "enrollment.paused", d -> true), Duration.ofSeconds(10));
        LocalDate friday = clock.instant().atZone(zone).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        assertTrue(has(paused, "reply.received", d -> "I will pay 300 on Friday".equals(d.getString("text").strip())),
                "the quoted history is not part of the reply: " + paused);
        assertTrue(has(paused, "promise.recorded", d -> friday.toString().equals(d.getString("date"))));
        ServiceHarness.sleep(6000);
        assertEquals(1, harness.mail.getReceivedMessages().length, "paused: the reminder is not sent");

        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(clock.instant().atZone(zone).toLocalDate(), friday) + 3)
                .plusHours(1));
        List<JsonObject> broken = harness.awaitTimeline(parley, "case-mail",
                t -> has(t, "attempt.sending", d -> "final".equals(d.getString("stepId"))), Duration.ofSeconds(30));
        assertTrue(has(broken, "promise.broken", d -> true));
        assertTrue(!has(broken, "attempt.sending", d -> "reminder".equals(d.getString("stepId"))));
    }

    @Test
    void repliesAreReadFromTheMailboxOverImap() throws Exception {
        int smtp = io.parley.FreePorts.pick();
        int imap = io.parley.FreePorts.pick();
        var mailbox = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup[]{
                new com.icegreen.greenmail.util.ServerSetup(smtp, "127.0.0.1", "smtp"),
                new com.icegreen.greenmail.util.ServerSetup(imap, "127.0.0.1", "imap")});
        mailbox.start();
        try {
            mailbox.setUser("replies@parley.local", "replies@parley.local", "mailbox-secret");
            Parley parley = harness.start(Map.of("paths.sequences", sequences.toString(),
                    "email.imap.host", "127.0.0.1", "email.imap.port", String.valueOf(imap), "email.imap.ssl", "false",
                    "email.imap.user", "replies@parley.local", "email.imap.password", "mailbox-secret",
                    "email.imap.pollInterval", "PT60S")); // taken at once over IDLE, not at the next poll
            assertEquals(201, harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-imap",
                    "email-first", "+16465550603", "imap.reader@example.com", TestZones.afternoon())).statusCode());
            String attempt = sentAttempt(parley, "case-imap");

            var props = new java.util.Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(smtp));
            var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(props));
            message.setFrom("imap.reader@example.com");
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, "replies@parley.local");
            message.setSubject("Re: Your account");
            message.setHeader("In-Reply-To", "<" + attempt + "@parley.local>");
            message.setText("This is not my debt.\n\nSent from my iPhone", "UTF-8");
            jakarta.mail.Transport.send(message);

            List<JsonObject> timeline = harness.awaitTimeline(parley, "case-imap",
                    t -> has(t, "reply.received", d -> "dispute".equals(d.getString("intent"))), Duration.ofSeconds(20));
            assertTrue(has(timeline, "enrollment.stopped", d -> true), "a dispute stops the sequence");
        } finally {
            mailbox.stop();
        }
    }

    @Test
    void aHardBounceInvalidatesTheAddress() {
        Parley parley = harness.start(Map.of("paths.sequences", sequences.toString()));
        String email = "gone@example.com";
        assertEquals(201, harness.post(parley, "/v1/enrollments",
                EnrollmentBodies.request("case-bounce", "email-first", "+16465550602", email,
                        TestZones.afternoon())).statusCode());
        String attempt = sentAttempt(parley, "case-bounce");
        String dsn = """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
                To: collections@parley.local
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-1@mx.example.com>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

                --BOUNDARY
                Content-Type: text/plain; charset=us-ascii

                Your message could not be delivered.

                --BOUNDARY
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; gone@example.com
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 User unknown

                --BOUNDARY
                Content-Type: text/rfc822-headers

                From: collections@parley.local
                To: gone@example.com
                Message-ID: <%s@parley.local>
                Subject: Your account

                --BOUNDARY--
                """.formatted(attempt).replace("\n", "\r\n");
        var accepted = inbound(parley, dsn);
        assertEquals(202, accepted.statusCode(), accepted.bodyAsString());
        assertEquals("bounce", accepted.bodyAsJsonObject().getString("takenAs"));
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-bounce",
                t -> has(t, "decision", d -> "reminder".equals(d.getString("stepId"))), Duration.ofSeconds(20));
        assertTrue(has(timeline, "contact.invalid", d -> "email".equals(d.getString("channel"))));
        assertTrue(has(timeline, "decision", d -> "reminder".equals(d.getString("stepId"))
                && "suppress".equals(d.getString("outcome"))), "no email to an address that bounced");
    }
}
