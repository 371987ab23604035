package io.parley.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestZones;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logs go to standard error, as text or JSON, with every contact point masked. */
class LoggingTest {
    /** The logback.xml the service ships with (tests otherwise log through logback-test.xml). */
    private static final URL SHIPPED = LoggingTest.class.getClassLoader().getResource("logback.xml");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sending to +16465550101 now|sending to +16***01 now",
            "To=%2B16465550101&Body=hi|To=%2B16***01&Body=hi",
            "mail alex.morgan@example.com bounced|mail a***@example.com bounced",
            "reply+abc-123@reply.example.com|r***@reply.example.com",
            "attempt 42 took 1500 ms at 2026-11-10T12:00:00+01:00|attempt 42 took 1500 ms at 2026-11-10T12:00:00+01:00",
            "nothing to mask|nothing to mask"})
    void masksContactPoints(String line, String masked) {
        assertEquals(masked, ContactMasking.mask(line));
    }

    @Test
    void previewPrintsOnlyJsonOnStandardOutput() throws Exception {
        JsonObject body = EnrollmentBodies.request("ignored", "pre-due-reminder", "+16465550401", "cli@example.com",
                ZoneId.of("America/New_York")).put("startAt", "2026-11-10T12:00:00Z");
        body.getJsonObject("account").put("dueDate", "2026-11-18");
        Path file = Files.createTempFile("preview", ".json");
        Files.writeString(file, body.encode());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + SHIPPED, "-cp", System.getProperty("java.class.path"), "io.parley.Main", "preview", "pre-due-reminder",
                file.toString());
        builder.environment().put("PARLEY_LOG_FORMAT", "json");
        builder.environment().put("PARLEY_LOG_LEVEL", "DEBUG");
        Path err = Files.createTempFile("preview", ".err");
        Process process = builder.redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "preview finished");
        assertEquals(0, process.exitValue(), Files.readString(err));
        assertTrue(new JsonObject(out).getJsonArray("calendar").size() > 0, out);
        for (String line : Files.readAllLines(err)) {
            assertFalse(new JsonObject(line).getString("message").isEmpty(), line);
            assertFalse(line.contains("+16465550401") || line.contains("cli@example.com"), line);
        }
    }

    @Test
    void aRunsWholeLogHasNoFullContactPoint() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        configure(context, SHIPPED);
        context.getLogger("io.parley").setLevel(Level.DEBUG);
        try (ServiceHarness harness = new ServiceHarness()) {
            Parley parley = harness.start(Map.of());
            var created = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-log-1", "demo",
                    "+16465550188", "jordan.logs@example.com", TestZones.afternoon()));
            assertEquals(201, created.statusCode(), created.bodyAsString());
            harness.awaitTimeline(parley, "case-log-1", t -> has(t, "enrollment.completed", d -> true),
                    Duration.ofSeconds(40));
        } finally {
            System.setErr(original);
            configure(context, LoggingTest.class.getClassLoader().getResource("logback-test.xml"));
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.lines().count() > 5, log);
        for (String full : List.of("+16465550188", "16465550188", "jordan.logs@example.com")) {
            assertFalse(log.contains(full), full + " in the log:\n" + log);
        }
    }

    private static void configure(LoggerContext context, URL file) throws JoranException {
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
