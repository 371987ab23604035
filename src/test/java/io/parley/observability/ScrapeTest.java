package io.parley.observability;

import io.parley.Parley;
import io.parley.simulator.twilio.TwilioSignature;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.InboundTexts;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestZones;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real scrape of /metrics after a run (the demo sequence over SMS and email with one
 * rate-limited send, a forged callback, an unreachable engine webhook): every parley_
 * family has help text, no label carries a contact point or id, every metric the alert rules and the Grafana
 * dashboards use exists, and promtool (Debian package prometheus) finds nothing to complain about.
 */
class ScrapeTest {
    private static final Pattern METRIC = Pattern.compile("\\b((?:parley|vertx|resilience4j|jvm|process)_[a-z0-9_]+)");
    /** Where the scrape is kept for .ci/run's own `promtool check metrics`. */
    static final Path SCRAPE_FILE = Path.of("target/scrape/metrics.prom");
    private static ServiceHarness harness;
    private static String scrape;

    @BeforeAll
    static void run() {
        harness = new ServiceHarness();
        // the engine webhook points at a closed port: the outbox fills and its deliveries fail
        Parley parley = harness.start(Map.of("engine.webhookUrl", "http://127.0.0.1:9/engine/events",
                "engine.webhookSecret", "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "engine.timeout", "PT1S"));
        var created = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-scrape-1", "demo",
                "+16465550177", "robin.scrape@example.com", TestZones.afternoon()));
        assertEquals(201, created.statusCode(), created.bodyAsString());
        harness.awaitTimeline(parley, "case-scrape-1", t -> has(t, "enrollment.completed", d -> true),
                Duration.ofSeconds(40));
        unsubscribeByTheLink(parley, "robin.scrape@example.com");
        String path = "/webhooks/twilio/sms/status?attempt=00000000-0000-0000-0000-000000000001";
        var forged = ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", path)
                .putHeader("X-Twilio-Signature", "forged").sendForm(MultiMap.caseInsensitiveMultiMap()
                        .add("MessageSid", "SM" + "0".repeat(32)).add("MessageStatus", "delivered")));
        assertEquals(403, forged.statusCode());
        InboundTexts texts = new InboundTexts(harness);
        assertEquals(200, texts.send(parley, "+16465550177", "I will pay on Friday").statusCode());
        Map<String, String> noSender = new LinkedHashMap<>(Map.of("MessageSid", InboundTexts.sid(), "Body", "hi"));
        assertEquals(400, signedTwilio(parley, "/webhooks/twilio/sms/inbound", noSender).statusCode());
        Map<String, String> noAttempt = new LinkedHashMap<>(Map.of("MessageSid", "SM" + "1".repeat(32),
                "MessageStatus", "delivered"));
        assertEquals(204, signedTwilio(parley, "/webhooks/twilio/sms/status?attempt=not-an-attempt", noAttempt)
                .statusCode(), "answered 204 so that Twilio stops, yet counted as an unknown id");
        harness.twilio.failNext(1, 429, Duration.ofSeconds(1)); // a second case's first text is rate limited
        harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-scrape-2", "demo",
                "+16465550178", "kim.scrape@example.com", TestZones.afternoon()));
        // the JVM publishes its collection pauses only after the first one: the service runs in this JVM, so ask for
        // one (a running service has one within its first minutes anyway)
        System.gc();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            ServiceHarness.sleep(200);
            scrape = harness.call(parley, HttpMethod.GET, "/metrics", null, null).bodyAsString();
        } while (!(scrape.contains("parley_provider_errors_total{") && scrape.contains("jvm_gc_pause_seconds_count"))
                && System.nanoTime() < deadline);
        try {
            // .ci/run checks this file with `promtool check metrics` as a step of its own
            Files.createDirectories(SCRAPE_FILE.getParent());
            Files.writeString(SCRAPE_FILE, scrape);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<Buffer> signedTwilio(Parley parley, String path, Map<String, String> params) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        params.forEach(form::add);
        String signature = TwilioSignature.of(harness.twilio.settings().authToken(), parley.publicBaseUrl() + path, params);
        return ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", path)
                .putHeader("X-Twilio-Signature", signature).sendForm(form));
    }

    /** The one-click unsubscribe (RFC 8058) of the List-Unsubscribe link in the email to this address. */
    private static void unsubscribeByTheLink(Parley parley, String address) {
        String link = Arrays.stream(harness.mail.getReceivedMessages()).filter(m -> to(m).equals(address))
                .map(m -> header(m, "List-Unsubscribe")).findFirst().orElseThrow();
        Matcher path = Pattern.compile("/optout/[^>,\\s]+").matcher(link);
        assertTrue(path.find(), link);
        var done = ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", path.group()).sendForm(
                MultiMap.caseInsensitiveMultiMap().add("List-Unsubscribe", "One-Click")));
        assertEquals(200, done.statusCode(), done.bodyAsString());
        var bogus = ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", "/optout/not-a-token").send());
        assertEquals(404, bogus.statusCode());
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name)[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void everyParleyFamilyHasHelpText() {
        Set<String> families = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# TYPE parley_")) {
                families.add(line.split(" ")[2]);
            }
        }
        assertTrue(families.size() >= 10, "parley_ families: " + families);
        for (String family : families) {
            assertTrue(Pattern.compile("(?m)^# HELP " + family + " \\S").matcher(scrape).find(), "help for " + family);
        }
    }

    @Test
    void webhookRequestsAreCountedByEndpointAndResult() {
        assertTrue(scrape.contains("parley_webhook_requests_total{endpoint=\"twilio_sms_status\",result=\"forged\"} 1.0"),
                scrape);
        assertTrue(scrape.contains("parley_webhook_requests_total{endpoint=\"twilio_sms_status\",result=\"accepted\"}"),
                scrape);
    }

    @Test
    void webhookRequestsAreCountedByWhatWentWrong() {
        for (String counted : List.of("endpoint=\"twilio_sms_inbound\",result=\"accepted\"} 1.0",
                "endpoint=\"twilio_sms_inbound\",result=\"bad_request\"} 1.0",
                "endpoint=\"twilio_sms_status\",result=\"unknown_id\"} 1.0")) {
            assertTrue(scrape.contains("parley_webhook_requests_total{" + counted), counted + "\n" + scrape);
        }
    }

    @Test
    void theNewFamiliesAreScraped() {
        for (String family : List.of("parley_outbox_delivery_lag_seconds", "parley_worker_pool_active",
                "parley_worker_pool_queued", "parley_replies_total", "parley_opt_outs_total",
                "parley_outbox_delivered_total", "parley_outbox_failed_total", "parley_webhook_requests_total")) {
            assertTrue(scrape.contains("# TYPE " + family + " "), family);
        }
    }

    @Test
    void anOptOutByTheUnsubscribeLinkIsCounted() {
        assertTrue(scrape.contains("parley_opt_outs_total{channel=\"email\"} 1.0"), scrape);
        assertTrue(scrape.contains("parley_webhook_requests_total{endpoint=\"email_unsubscribe\",result=\"accepted\"} 1.0"),
                scrape);
        assertTrue(scrape.contains("parley_webhook_requests_total{endpoint=\"email_unsubscribe\",result=\"unknown_id\"} 1.0"),
                scrape);
    }

    @Test
    void noContactPointOrIdInLabels() {
        for (String line : scrape.split("\n")) {
            if (line.startsWith("parley_")) {
                assertTrue(!line.contains("@") && !line.matches(".*\\+\\d{6,}.*") && !line.contains("case-scrape"),
                        line);
            }
        }
    }

    @Test
    void everyMetricTheAlertsAndDashboardsUseIsScraped() throws IOException {
        Set<String> used = new TreeSet<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("docker/prometheus/alerts.yml")));
        try (Stream<Path> dashboards = Files.list(Path.of("grafana/dashboards"))) {
            dashboards.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
        }
        for (Path file : files) {
            Matcher m = METRIC.matcher(Files.readString(file));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertTrue(used.contains("parley_dispatch_lag_seconds_bucket"), used.toString());
        List<String> missing = used.stream()
                .filter(name -> !Pattern.compile("(?m)^" + name + "[{ ]").matcher(scrape).find()).toList();
        assertEquals(List.of(), missing, "used by alerts or dashboards but not in a scrape");
    }

    @Test
    void promtoolChecksTheScrape() throws Exception {
        Path promtool = Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        // .ci/run installs promtool and sets PARLEY_REQUIRE_PROMTOOL: there a missing promtool fails, never skips
        assertTrue(promtool != null || System.getenv("PARLEY_REQUIRE_PROMTOOL") == null,
                "PARLEY_REQUIRE_PROMTOOL is set but promtool is not installed");
        assumeTrue(promtool != null, "promtool not found: install the Debian package prometheus");
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        List<String> parleyProblems = out.lines().filter(l -> l.startsWith("parley_")).toList();
        assertEquals(List.of(), parleyProblems, out);
    }
}
