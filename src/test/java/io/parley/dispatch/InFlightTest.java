package io.parley.dispatch;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Places for sends are reserved before a claim, so two claims under way never pass the bound together. */
class InFlightTest {
    @Test
    void twoClaimsUnderWayShareTheBound() {
        InFlight inFlight = new InFlight(64);
        Future<Integer> first = inFlight.reserve(16, 256);
        assertEquals(64, first.result(), "the first claim may take all the room");
        Future<Integer> second = inFlight.reserve(16, 256);
        assertFalse(second.isComplete(), "the second waits: nothing is free while the first batch is claimed");

        inFlight.started(40); // the first batch came back with 40 steps to send
        inFlight.release(64);
        assertTrue(second.isComplete());
        assertEquals(24, second.result(), "the second claim gets what the first batch's sends left");
        assertEquals(0, inFlight.free());

        Future<Integer> third = inFlight.reserve(16, 256);
        for (int i = 0; i < 15; i++) {
            inFlight.answered();
        }
        assertFalse(third.isComplete(), "15 answers leave less than a quarter of the bound free");
        inFlight.answered();
        assertEquals(16, third.result());
    }

    @Test
    void withNothingUnderWayAClaimAlwaysGoesAhead() {
        InFlight inFlight = new InFlight(8);
        assertEquals(8, inFlight.reserve(8, 256).result());
        inFlight.release(8);
        assertEquals(8, inFlight.free());
        assertTrue(inFlight.drained().isComplete());
    }
}
