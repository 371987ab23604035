package io.parley.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttemptStatusTest {
    private static final Set<AttemptStatus> TERMINAL =
            EnumSet.of(AttemptStatus.DELIVERED, AttemptStatus.UNDELIVERED, AttemptStatus.FAILED);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "queued,      QUEUED",
            "sending,     QUEUED",
            "accepted,    QUEUED",
            "scheduled,   QUEUED",
            "sent,        SENT",
            "delivered,   DELIVERED",
            "read,        DELIVERED",
            "undelivered, UNDELIVERED",
            "failed,      FAILED",
            "canceled,    FAILED",
            "DELIVERED,   DELIVERED",
            "Undelivered, UNDELIVERED"})
    void mapsEveryTwilioMessageStatus(String twilio, AttemptStatus expected) {
        assertEquals(expected, AttemptStatus.fromTwilio(twilio));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(strings = {"", "receiving", "received", "partially_delivered", "cancelled", "delivered "})
    void refusesAnUnknownTwilioStatus(String twilio) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AttemptStatus.fromTwilio(twilio));
        assertTrue(e.getMessage().contains("unknown Twilio message status"), e.getMessage());
    }

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

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "SENT,        EMAIL, DELIVERED",
            "SENT,        SMS,   -",
            "SENT,        VOICE, -",
            "DELIVERED,   SMS,   DELIVERED",
            "DELIVERED,   EMAIL, DELIVERED",
            "UNDELIVERED, SMS,   FAILED",
            "FAILED,      SMS,   FAILED",
            "FAILED,      EMAIL, FAILED",
            "QUEUED,      SMS,   -",
            "QUEUED,      EMAIL, -",
            "SENDING,     EMAIL, -",
            "UNKNOWN,     SMS,   -",
            "UNKNOWN,     EMAIL, -"})
    void settlesPerChannel(AttemptStatus status, Channel channel, AttemptOutcome expected) {
        assertEquals(Optional.ofNullable(expected), status.settledOutcome(channel));
    }

    @ParameterizedTest
    @EnumSource(AttemptStatus.class)
    void wireNamesRoundTrip(AttemptStatus status) {
        assertEquals(status, AttemptStatus.parse(status.wire()));
    }
}
