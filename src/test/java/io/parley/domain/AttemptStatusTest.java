package io.parley.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AttemptStatusTest {
    private static final Set<AttemptStatus> TERMINAL =
            EnumSet.of(AttemptStatus.DELIVERED, AttemptStatus.UNDELIVERED, AttemptStatus.FAILED);

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
            "SENDING, QUEUED",
            "UNKNOWN, QUEUED",
            "QUEUED,  SENT",
            "SENT,    DELIVERED",
            "SENT,    UNDELIVERED",
            "SENT,    FAILED",
            "SENDING, FAILED",
            "UNKNOWN, DELIVERED"})
    void ranksOnlyMoveForward(AttemptStatus earlier, AttemptStatus later) {
        assertTrue(earlier.rank() < later.rank(), earlier + " must rank below " + later);
    }

    @ParameterizedTest
    @EnumSource(AttemptStatus.class)
    void terminalStatusesRankHighestAndSendingOrUnknownLowest(AttemptStatus status) {
        int max = Arrays.stream(AttemptStatus.values()).mapToInt(AttemptStatus::rank).max().orElseThrow();
        int min = Arrays.stream(AttemptStatus.values()).mapToInt(AttemptStatus::rank).min().orElseThrow();
        assertEquals(TERMINAL.contains(status), status.rank() == max, status + " rank " + status.rank());
        assertEquals(status == AttemptStatus.SENDING || status == AttemptStatus.UNKNOWN, status.rank() == min,
                status + " rank " + status.rank());
    }

    @Test
    void noStatusOutranksATerminalOne() {
        Set<AttemptStatus> aboveTerminal = Arrays.stream(AttemptStatus.values())
                .filter(s -> TERMINAL.stream().anyMatch(t -> s.rank() > t.rank()))
                .collect(Collectors.toSet());
        assertEquals(Set.of(), aboveTerminal);
    }

    @ParameterizedTest
    @EnumSource(AttemptStatus.class)
    void wireNamesRoundTrip(AttemptStatus status) {
        assertEquals(status, AttemptStatus.parse(status.wire()));
    }
}
