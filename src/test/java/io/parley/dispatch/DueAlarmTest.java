package io.parley.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The due alarm: armed for the earliest due instant known, re-armed by an earlier one, waking dispatchers in turn. */
class DueAlarmTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T07:59:58Z"), ZoneOffset.UTC);
    private final Timers timers = new Timers();
    private final List<String> woken = new ArrayList<>();
    private final DueAlarm alarm = new DueAlarm(clock);

    /** Timers fired by hand: each remembers the delay it was set for. */
    private static final class Timers implements DueAlarm.Timers {
        private final List<Long> delays = new ArrayList<>();
        private final List<Runnable> fires = new ArrayList<>();
        private final Set<Long> cancelled = new HashSet<>();

        @Override
        public long set(long delayMillis, Runnable fire) {
            delays.add(delayMillis);
            fires.add(fire);
            return fires.size() - 1;
        }

        @Override
        public void cancel(long id) {
            cancelled.add(id);
        }

        /** Fires the latest timer set, as Vert.x would once its delay is over (if it was not cancelled). */
        void fireLatest() {
            int id = fires.size() - 1;
            if (!cancelled.contains((long) id)) {
                fires.get(id).run();
            }
        }

        long latestDelay() {
            return delays.get(delays.size() - 1);
        }
    }

    private Instant in(long millis) {
        return clock.instant().plusMillis(millis);
    }

    @Test
    void armsForTheEarliestInstantAndAnEarlierOneReArmsIt() {
        alarm.join(timers, () -> woken.add("a"));
        Instant first = in(3_000);
        assertTrue(alarm.arm(first));
        assertEquals(3_000, timers.latestDelay());
        assertEquals(Optional.of(first), alarm.armedFor());

        assertFalse(alarm.arm(in(4_000)), "a later step leaves the alarm armed for the earlier one");
        assertFalse(alarm.arm(first), "the same instant arms nothing new");
        assertEquals(1, timers.delays.size());

        Instant earlier = in(300); // an enrolment committed a step due sooner
        alarm.dueAt(earlier);
        assertEquals(Optional.of(earlier), alarm.armedFor());
        assertEquals(300, timers.latestDelay());
        assertTrue(timers.cancelled.contains(0L), "the timer for the later instant is cancelled");

        timers.fireLatest();
        assertEquals(List.of("a"), woken);
        assertEquals(Optional.empty(), alarm.armedFor());
        assertEquals(1, alarm.fired());
        assertTrue(alarm.arm(first), "once fired, it is armed again by the next instant known");
    }

    @Test
    void delayIsRoundedUpSoTheClaimFindsTheStepDue() {
        alarm.join(timers, () -> woken.add("a"));
        alarm.arm(clock.instant().plusNanos(2_000_001));
        assertEquals(3, timers.latestDelay());
    }

    @Test
    void aStepAlreadyDueFiresAtTheNextTick() {
        alarm.join(timers, () -> woken.add("a"));
        alarm.arm(clock.instant().minusMillis(5));
        assertEquals(1, timers.latestDelay());
    }

    @Test
    void wakesTheDispatchersInTurn() {
        alarm.join(timers, () -> woken.add("a"));
        alarm.join(timers, () -> woken.add("b"));
        for (int i = 1; i <= 3; i++) {
            alarm.arm(in(i * 10));
            timers.fireLatest();
        }
        assertEquals(List.of("a", "b", "a"), woken);
    }

    @Test
    void aCancelledTimerWakesNoOneAndNothingIsArmedWithoutDispatchers() {
        Runnable a = () -> woken.add("a");
        assertFalse(alarm.arm(in(10)), "no dispatcher has joined yet");
        alarm.join(timers, a);
        alarm.arm(in(50));
        Runnable stale = timers.fires.get(0);
        alarm.arm(in(10));
        stale.run(); // the cancelled timer fired anyway (it was already queued)
        assertEquals(List.of(), woken);
        alarm.leave(a);
        assertEquals(Optional.empty(), alarm.armedFor());
        assertFalse(alarm.arm(in(5)));
    }
}
