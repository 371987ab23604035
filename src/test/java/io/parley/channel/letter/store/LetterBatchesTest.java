package io.parley.channel.letter.store;

import io.parley.channel.letter.store.LetterBatches.Candidate;
import io.parley.channel.letter.store.LetterBatches.Closed;
import io.parley.store.CaseHolds;
import io.parley.store.DatabaseTarget;
import io.parley.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Print batches against a real database: joined, closed exactly once, held letters pulled, handed over once. */
class LetterBatchesTest {
    private static Vertx vertx;
    private static DatabaseTarget database;
    private static Pool pool;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.migratedDatabase();
        pool = TestPostgres.pool(vertx, database);
    }

    @AfterAll
    static void stop() {
        get(pool.close());
        get(vertx.close());
    }

    private static NewLetter letter(String caseId) {
        return new NewLetter(UUID.randomUUID(), caseId, UUID.randomUUID(), "debtor-" + caseId, 2, "A4", "ab12",
                new byte[]{1, 2, 3}, List.of("Alex Morgan", "1 Main St", "New York, NY 10001"), "1 Main St, 10001 New York");
    }

    @Test
    void aBatchClosesOnceHeldLettersArePulledAndLateLettersGoToTheNextDay() {
        Instant cutoff = Instant.parse("2031-03-02T21:00:00Z");
        List<Candidate> days = List.of(new Candidate("2031-03-02", cutoff),
                new Candidate("2031-03-03", cutoff.plus(Duration.ofDays(1))));
        NewLetter kept = letter("case-kept");
        NewLetter held = letter("case-held");
        assertEquals("2031-03-02", get(LetterBatches.add(pool, kept, days, cutoff.minusSeconds(60))));
        assertEquals("2031-03-02", get(LetterBatches.add(pool, held, days, cutoff.minusSeconds(30))));
        assertEquals("2031-03-02", get(LetterBatches.add(pool, kept, days, cutoff.minusSeconds(20))), "idempotent");
        get(CaseHolds.place(pool, "case-held", "dispute", "D-1", cutoff.minusSeconds(10)));

        assertEquals(Optional.empty(), get(LetterBatches.closeDue(pool, cutoff.minusSeconds(1), "a",
                cutoff.plusSeconds(60))), "not before its cut-off");
        Future<Optional<Closed>> first = LetterBatches.closeDue(pool, cutoff, "a", cutoff.plusSeconds(60));
        Future<Optional<Closed>> second = LetterBatches.closeDue(pool, cutoff, "b", cutoff.plusSeconds(60));
        List<Optional<Closed>> both = List.of(get(first), get(second));
        assertEquals(1, both.stream().filter(Optional::isPresent).count(), "closed by one instance: " + both);
        Closed closed = both.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertEquals(1, closed.letters());
        assertEquals(List.of(held.attemptId()), closed.pulled().stream().map(LetterBatches.Pulled::attemptId).toList());
        assertTrue(closed.pulled().get(0).reason().contains("dispute"), closed.pulled().get(0).reason());
        assertEquals(1, TestPostgres.number(database,
                "SELECT count(*) FROM timeline WHERE case_id = 'case-held' AND kind = 'letter.pulled'"));

        NewLetter late = letter("case-late");
        assertEquals("2031-03-03", get(LetterBatches.add(pool, late, days, cutoff.plusSeconds(5))),
                "a letter after the cut-off joins the next day's batch");

        String owner = closed == get(first).orElse(null) ? "a" : "b";
        String other = owner.equals("a") ? "b" : "a";
        assertEquals(Optional.empty(), get(LetterBatches.claimHandOver(pool, cutoff.plusSeconds(10), other,
                cutoff.plusSeconds(70))), "the closer holds the lease");
        assertEquals(Optional.of("2031-03-02"), get(LetterBatches.claimHandOver(pool, cutoff.plusSeconds(61), other,
                cutoff.plusSeconds(120))), "a crashed closer's batch is taken over when its lease runs out");
        List<LetterRows.BatchLetter> letters = get(LetterRows.batchLetters(pool, "2031-03-02", null, 10));
        assertEquals(List.of(kept.attemptId()), letters.stream().map(LetterRows.BatchLetter::attemptId).toList());

        get(LetterBatches.handedOver(pool, "2031-03-02", "/drop", cutoff.plusSeconds(62)));
        assertEquals(Optional.empty(), get(LetterBatches.claimHandOver(pool, cutoff.plusSeconds(200), other,
                cutoff.plusSeconds(260))), "handed over once");
        assertEquals("handed_over", get(LetterRows.batch(pool, "2031-03-02")).orElseThrow().getJsonArray("items")
                .stream().map(o -> ((io.vertx.core.json.JsonObject) o))
                .filter(o -> o.getString("id").equals(kept.attemptId().toString())).findFirst().orElseThrow()
                .getString("status"));
    }

    @Test
    void printHouseEventsCountOnceAndOnlyMoveForward() {
        Instant at = Instant.parse("2031-04-02T10:00:00Z");
        NewLetter l = letter("case-events");
        get(LetterBatches.add(pool, l, List.of(new Candidate("2031-04-02", at.plusSeconds(3600))), at));
        assertTrue(get(LetterRows.event(pool, "e1", l.attemptId(), "mailed", 4, "TRK-1", null, at)).isPresent());
        assertTrue(get(LetterRows.event(pool, "e1", l.attemptId(), "mailed", 4, "TRK-1", null, at)).isEmpty(),
                "the same event again changes nothing");
        assertTrue(get(LetterRows.event(pool, "e2", l.attemptId(), "printed", 3, null, null, at)).isEmpty(),
                "a late 'printed' does not move it back");
        LetterRows.Moved returned = get(LetterRows.event(pool, "e3", l.attemptId(), "returned", 5, null,
                "addressee unknown", at)).orElseThrow();
        assertEquals("TRK-1", returned.trackingRef());
        assertEquals("Alex Morgan", returned.addressLines().get(0));
        assertEquals(3, get(LetterRows.pdf(pool, l.attemptId())).orElseThrow().length);
    }
}
