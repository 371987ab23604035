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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A reply's sender is looked up before the locks of its cases are taken. Here a number moves from one debtor to
 * another in a transaction that holds the first debtor's case lock (as an enrolment that rewrites contact points
 * does); a text from that number arrives meanwhile, is looked up as the first debtor's, and waits for that case's
 * lock. Once the move commits, the reply must act for the debtor the number belongs to now: looked up again under
 * the locks, it is, and the first debtor's case is left alone. Without the second look it lands on the old case.
 */
class ReplySenderRaceTest {
    private static final String MOVED = "+16465550811";
    private final ServiceHarness harness = new ServiceHarness();
    private final InboundTexts texts = new InboundTexts(harness);

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aReplyActsForWhomTheNumberBelongsToOnceItsLocksAreTaken() throws Exception {
        Path sequences = TestSequences.directory(TestSequences.LATER_TEXT);
        Parley parley = harness.start(Map.of("paths.sequences", sequences.toString()));
        assertEquals(201, harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-before", "later",
                MOVED, null, TestZones.afternoon())).statusCode());
        assertEquals(201, harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-after", "later",
                "+16465550812", null, TestZones.afternoon())).statusCode());
        String before = debtorOf("case-before");
        String after = debtorOf("case-after");

        Future<HttpResponse<Buffer>> answer;
        try (Connection c = DriverManager.getConnection(harness.database.jdbcUrl(),
                harness.database.jdbcProperties()); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT pg_advisory_xact_lock(hashtextextended('parley.case:case-before', 0))");
            s.execute("UPDATE contact_point SET debtor_id = '" + after + "' WHERE address = '" + MOVED + "'");
            answer = texts.sending(parley, InboundTexts.sid(), MOVED, "I will pay 200 on Friday", texts.token());
            ServiceHarness.sleep(1_000); // looked up as the first debtor's, the reply waits for case-before's lock
            c.commit();
        }
        assertEquals(200, ServiceHarness.get(answer).statusCode());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (TestPostgres.number(harness.database, "SELECT count(*) FROM inbound_message") == 0
                && System.nanoTime() < deadline) {
            ServiceHarness.sleep(50);
        }
        assertEquals(1, TestPostgres.number(harness.database, "SELECT count(*) FROM inbound_message WHERE "
                + "debtor_ids = ARRAY['" + after + "'] AND case_ids = ARRAY['case-after']"), "the number's debtor now");
        assertEquals(1, TestPostgres.number(harness.database,
                "SELECT count(*) FROM promise WHERE case_id = 'case-after'"));
        assertEquals(0, TestPostgres.number(harness.database,
                "SELECT count(*) FROM promise WHERE case_id = 'case-before'"), "not the debtor it belonged to");
        assertFalse(before.equals(after));
    }

    private String debtorOf(String caseId) {
        long n = TestPostgres.number(harness.database, "SELECT count(*) FROM enrollment WHERE case_id = '" + caseId
                + "'");
        assertEquals(1, n);
        try (Connection c = DriverManager.getConnection(harness.database.jdbcUrl(), harness.database.jdbcProperties());
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT debtor_id FROM enrollment WHERE case_id = '" + caseId + "'")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
