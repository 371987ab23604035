package io.parley.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which statuses are final, and what they settle as, for each registered channel. */
class ChannelModulesTest {
    private static final ChannelModules MODULES = ChannelModules.registered(List.of());

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
    void settlesPerChannel(AttemptStatus status, String channel, String expected) {
        assertEquals(Optional.ofNullable(expected).map(AttemptOutcome::parse),
                MODULES.settledOutcome(Channel.parse(channel), status));
    }
}
