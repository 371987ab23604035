package io.parley.outbox;

import io.parley.store.FeedCursor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feed cursors and the delivery backoff. */
class FeedCursorTest {

    @Test
    void roundTripsAndOrdersByTransactionThenId() {
        FeedCursor c = FeedCursor.parse("7301:42");
        assertEquals(new FeedCursor(7301, 42), c);
        assertEquals("7301:42", c.toString());
        assertTrue(new FeedCursor(7301, 43).compareTo(c) > 0);
        assertTrue(new FeedCursor(7300, 99).compareTo(c) < 0);
        assertEquals("0:0", FeedCursor.START.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", ":", "1:", ":1", "a:1", "1:b", "-1:1", "1:-1", "1:2:3", "1 :2", "+1:2",
            "99999999999999999999:1"})
    void refusesWhatItDidNotHandOut(String text) {
        assertThrows(IllegalArgumentException.class, () -> FeedCursor.parse(text));
    }

    @Test
    void backoffDoublesFromOneSecondWithJitterUpToTheMaximum() {
        SplittableRandom random = new SplittableRandom(7);
        Duration max = Duration.ofMinutes(10);
        assertEquals(Duration.ofSeconds(1), Backoff.after(1, max, random));
        for (int failures = 2; failures <= 40; failures++) {
            long ceiling = Math.min(max.toMillis(), 1000L << (failures - 1));
            for (int i = 0; i < 50; i++) {
                long ms = Backoff.after(failures, max, random).toMillis();
                assertTrue(ms >= ceiling / 2 && ms <= ceiling, failures + " failures: " + ms);
            }
        }
        assertEquals(Duration.ofSeconds(1), Backoff.after(5, Duration.ofSeconds(1), random));
        assertTrue(Backoff.after(Integer.MAX_VALUE, Duration.ofHours(1), random).compareTo(Duration.ofHours(1)) <= 0);
    }
}
