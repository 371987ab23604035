package io.parley.inbound;

import io.parley.domain.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A reply naming its attempt acts only when it comes from the address the attempt went to. */
class SenderCheckTest {

    @ParameterizedTest(name = "{0} {1} for {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "email | alex.morgan@example.com        | alex.morgan@example.com | true",
            "email | ALEX.MORGAN@EXAMPLE.COM        | alex.morgan@example.com | true",
            "email | Alex <alex.morgan@example.com> | alex.morgan@example.com | true",
            "email | someone@elsewhere.example      | alex.morgan@example.com | false",
            "email | alex.morgan@example.com.evil   | alex.morgan@example.com | false",
            "email | -                              | alex.morgan@example.com | false",
            "sms   | +16465550100                   | +16465550100            | true",
            "sms   | +16465550199                   | +16465550100            | false",
    })
    void actsOnlyForTheAddressTheAttemptWentTo(String channel, String from, String address, boolean acts) {
        InboundReply reply = new InboundReply(Channel.of(channel), "ref", from, null, "STOP", Instant.EPOCH,
                UUID.randomUUID());
        assertEquals(acts, SenderCheck.doubt(reply, address).isEmpty());
    }

    @org.junit.jupiter.api.Test
    void aChannelsOwnDoubtStopsTheReplyAndARepliesMatchedByAddressNeedNoAttempt() {
        InboundReply doubted = new InboundReply(Channel.EMAIL, "ref", "a@example.com", null, "STOP", Instant.EPOCH,
                UUID.randomUUID(), "not authenticated");
        assertEquals("not authenticated", SenderCheck.doubt(doubted, "a@example.com").orElseThrow());
        InboundReply bySender = new InboundReply(Channel.SMS, "ref", "+16465550100", null, "STOP", Instant.EPOCH, null);
        assertEquals(true, SenderCheck.doubt(bySender, "+16465550100").isEmpty());
    }
}
