package io.parley.channel.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.AttemptStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioMessageStatusTest {
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
        assertEquals(expected, TwilioMessageStatus.toAttemptStatus(twilio));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(strings = {"", "receiving", "received", "partially_delivered", "cancelled", "delivered "})
    void refusesAnUnknownTwilioStatus(String twilio) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TwilioMessageStatus.toAttemptStatus(twilio));
        assertTrue(e.getMessage().contains("unknown Twilio message status"), e.getMessage());
    }
}
