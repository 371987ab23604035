package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.InboundTexts;
import io.parley.testing.MutableClock;
import io.parley.testing.ServiceHarness;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.parley.testing.ServiceHarness.ADMIN_KEY;
import static io.parley.testing.ServiceHarness.READ_KEY;
import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer that can hold a contact address, for a key that may see addresses (admin) and one that may not
 * (read): an SMS attempt, a STOP reply, the opt-out and suppression it makes, the debtor's contact points, a field
 * visit's task, the engine's event feed and its stream. The read key gets each address masked, the admin key whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddressMaskingTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String PHONE = "+16465550101";
    private static final String EMAIL = "alex.morgan@example.com";
    private static final String VISIT_PHONE = "+16465550402";
    private static final String POSTAL = "1 Main St";
    private static final List<String> WHOLE = List.of(PHONE, EMAIL, VISIT_PHONE, POSTAL);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock();
    private ServiceHarness harness;
    private Parley parley;
    private String enrollmentId;

    @BeforeAll
    void start() {
        harness = new ServiceHarness();
        ZonedDateTime now = ZonedDateTime.now(NEW_YORK);
        ZonedDateTime onePm = now.toLocalDate().atTime(13, 0).atZone(NEW_YORK);
        clock.advance(Duration.between(now, onePm.isAfter(now) ? onePm : onePm.plusDays(1)));
        parley = harness.start(Map.of("paths.policies", "conf/policies", "handoff.pollInterval", "PT0.2S"), clock);
        enrollmentId = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-mask-1", "m1-early", PHONE,
                EMAIL, NEW_YORK)).bodyAsJsonObject().getString("id");
        harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-mask-2", "demo-visit", VISIT_PHONE, null,
                NEW_YORK));
        harness.awaitTimeline(parley, "case-mask-1", t -> has(t, "attempt.sending", d -> true), WAIT);
        new InboundTexts(harness).send(parley, PHONE, "STOP");
        harness.awaitTimeline(parley, "case-mask-1", t -> has(t, "contact.opted_out", d -> true), WAIT);
        harness.awaitTimeline(parley, "case-mask-2", t -> has(t, "task.created", d -> true), WAIT);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    private String body(String path, String key) {
        var response = harness.call(parley, HttpMethod.GET, path, key, null);
        assertEquals(200, response.statusCode(), path + ": " + response.bodyAsString());
        return response.bodyAsString();
    }

    private static void masked(String path, String body, String... shown) {
        for (String whole : WHOLE) {
            assertFalse(body.contains(whole), path + " shows " + whole + " to a read key: " + body);
        }
        for (String mask : shown) {
            assertTrue(body.contains(mask), path + " should show " + mask + ": " + body);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/cases/case-mask-1/timeline", "/v1/cases/case-mask-1/contact-points",
            "/v1/debtors/debtor-case-mask-1", "/v1/suppressions", "/v1/events?limit=500"})
    void theSmsAddressIsMaskedForAReadKeyAndWholeForAnAdminKey(String path) {
        masked(path, body(path, READ_KEY), "+16*******01");
        assertTrue(body(path, ADMIN_KEY).contains(PHONE), path + " shows the admin key the number");
    }

    @Test
    void theDebtorsEmailAndPostalAddressesAreMaskedForAReadKey() {
        String path = "/v1/debtors/debtor-case-mask-1";
        masked(path, body(path, READ_KEY), "a***@example.com", "\"1 ***\"");
        String whole = body(path, ADMIN_KEY);
        assertTrue(whole.contains(EMAIL) && whole.contains(POSTAL), whole);
    }

    @Test
    void theVisitTaskAndItsTimelineEntryMaskTheAddressForAReadKey() {
        for (String path : List.of("/v1/tasks?caseId=case-mask-2", "/v1/cases/case-mask-2/timeline")) {
            masked(path, body(path, READ_KEY), "\"1 ***\"");
            assertTrue(body(path, ADMIN_KEY).contains(POSTAL), path);
        }
    }

    @Test
    void theEnrollmentHoldsNoAddressForEitherKey() {
        String path = "/v1/enrollments/" + enrollmentId;
        masked(path, body(path, READ_KEY));
        masked(path, body(path, ADMIN_KEY));
    }

    @Test
    void theEventStreamMasksForAReadKeyAndNotForAnAdminKey() {
        masked("/v1/events/stream", stream(READ_KEY), "+16*******01");
        assertTrue(stream(ADMIN_KEY).contains(PHONE));
    }

    @Test
    void aLettersPdfIsRefusedToAReadKey() {
        String path = "/v1/letters/0b6e3a9e-4f6c-4a51-9c64-3f1f2d9c2a10.pdf";
        var refused = harness.call(parley, HttpMethod.GET, path, READ_KEY, null);
        assertEquals(403, refused.statusCode(), refused.bodyAsString());
        assertTrue(refused.bodyAsString().contains("postal address"), refused.bodyAsString());
        assertEquals(404, harness.call(parley, HttpMethod.GET, path, ADMIN_KEY, null).statusCode(),
                "an admin key is not refused: there is just no such letter");
    }

    /** The event stream from the start, read until the opt-out's event has come whole. */
    private String stream(String key) {
        HttpClientAgent client = harness.vertx.createHttpClient();
        try {
            return get(client.request(HttpMethod.GET, parley.port(), "127.0.0.1", "/v1/events/stream")
                    .compose(request -> request.putHeader("Authorization", "Bearer " + key).send())
                    .compose(response -> {
                        Promise<String> read = Promise.promise();
                        StringBuilder text = new StringBuilder();
                        response.handler(chunk -> {
                            text.append(chunk.toString());
                            int event = text.indexOf("event: contact.opted_out");
                            if (event >= 0 && text.indexOf("\n\n", event) > 0) {
                                read.tryComplete(text.toString());
                            }
                        });
                        return read.future().timeout(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    }));
        } finally {
            get(client.close());
        }
    }
}
