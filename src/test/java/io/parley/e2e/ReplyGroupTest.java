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
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Replies arriving together are acted on together (one transaction, their messages in one statement): each one's
 * effects are still all or nothing, one that fails is rolled back alone and the others commit.
 */
class ReplyGroupTest {
    private static final int DEBTORS = 6;
    private final ServiceHarness harness = new ServiceHarness();
    private final InboundTexts texts = new InboundTexts(harness);

    @AfterEach
    void stop() {
        harness.close();
    }

    private static String phone(int i) {
        return "+1646555070" + i;
    }

    @Test
    void aReplyWhoseEffectsFailIsRolledBackAloneAndTheOthersCommit() {
        Path sequences = TestSequences.directory(TestSequences.LATER_TEXT);
        Parley parley = harness.start(Map.of("paths.sequences", sequences.toString()));
        for (int i = 0; i < DEBTORS; i++) {
            assertEquals(201, harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-g-" + i, "later",
                    phone(i), null, TestZones.afternoon())).statusCode());
        }
        // the promise of one case cannot be written: that reply's message, timeline and effects must all go
        TestPostgres.execute(harness.database, """
                CREATE FUNCTION refuse_promise() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'promise refused for the test'; END $$""");
        TestPostgres.execute(harness.database, "CREATE TRIGGER refuse_promise BEFORE INSERT ON promise FOR EACH ROW "
                + "WHEN (NEW.case_id = 'case-g-2') EXECUTE FUNCTION refuse_promise()");

        List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
        for (int i = 0; i < DEBTORS; i++) {
            sent.add(texts.sending(parley, InboundTexts.sid(), phone(i), i % 2 == 0 ? "I will pay 200 on Friday"
                    : "STOP", texts.token()));
        }
        get(Future.join(new ArrayList<>(sent)));
        sent.forEach(answer -> assertEquals(200, answer.result().statusCode(), "the raw request is kept first"));

        for (int i = 0; i < DEBTORS; i++) {
            if (i == 2) {
                continue;
            }
            String kind = i % 2 == 0 ? "promise.recorded" : "contact.opted_out";
            harness.awaitTimeline(parley, "case-g-" + i, t -> has(t, kind, d -> true), Duration.ofSeconds(20));
        }
        // the requests are marked done once every reply of their group was answered, the failed one after it was
        // routed once more alone: it stays pending, to be taken up again
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (TestPostgres.number(harness.database, "SELECT count(*) FROM inbound_request WHERE state = 'processed'")
                < DEBTORS - 1 && System.nanoTime() < deadline) {
            ServiceHarness.sleep(50);
        }
        assertEquals(DEBTORS - 1, TestPostgres.number(harness.database, "SELECT count(*) FROM inbound_message"));
        assertEquals(0, TestPostgres.number(harness.database,
                "SELECT count(*) FROM inbound_message WHERE from_address = '" + phone(2) + "'"));
        assertEquals(1, TestPostgres.number(harness.database,
                "SELECT count(*) FROM inbound_request WHERE state = 'pending' AND payload::text LIKE '%5550702%'"));
        assertEquals(DEBTORS / 2, TestPostgres.number(harness.database,
                "SELECT count(DISTINCT address) FROM address_suppression WHERE reason = 'opt_out'"));
        List<io.vertx.core.json.JsonObject> failed = harness.timeline(parley, "case-g-2");
        assertFalse(has(failed, "reply.received", d -> true), failed.toString());
        assertFalse(has(failed, "case.event", d -> true), failed.toString());
        assertEquals(0, TestPostgres.number(harness.database,
                "SELECT count(*) FROM enrollment WHERE case_id = 'case-g-2' AND status <> 'active'"));
    }
}
