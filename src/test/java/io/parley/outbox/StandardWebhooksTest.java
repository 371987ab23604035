package io.parley.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing and verifying as the Standard Webhooks specification defines it. */
class StandardWebhooksTest {
    // the specification's published example
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TS = 1614265330;
    static final String BODY = "{\"test\": 2432232314}";
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final Instant AT = Instant.ofEpochSecond(TS);

    private final StandardWebhooks webhooks = StandardWebhooks.of(SECRET);

    @Test
    void signsThePublishedExample() {
        assertEquals(SIGNATURE, webhooks.sign(ID, TS, BODY));
    }

    @Test
    void verifiesThePublishedExample() {
        assertTrue(webhooks.verify(ID, String.valueOf(TS), SIGNATURE, BODY, AT));
    }

    @Test
    void theSecretMayBeGivenWithoutItsPrefix() {
        assertEquals(SIGNATURE, StandardWebhooks.of(SECRET.substring(6)).sign(ID, TS, BODY));
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedWithoutBeingQuoted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StandardWebhooks.of("whsec_not*base64!"));
        assertFalse(e.getMessage().contains("not*base64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StandardWebhooks.of("whsec_"));
    }

    static Stream<Arguments> requests() {
        String other = "v1," + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        return Stream.of(
                Arguments.of("as signed", ID, "1614265330", SIGNATURE, BODY, AT, true),
                Arguments.of("body tampered", ID, "1614265330", SIGNATURE, "{\"test\": 2432232315}", AT, false),
                Arguments.of("body with a space more", ID, "1614265330", SIGNATURE, "{\"test\":  2432232314}", AT,
                        false),
                Arguments.of("id tampered", "msg_p5jXN8AQM9LWM0D4loKWxJel", "1614265330", SIGNATURE, BODY, AT, false),
                Arguments.of("timestamp tampered", ID, "1614265331", SIGNATURE, BODY, AT, false),
                Arguments.of("timestamp not a number", ID, "16142653a0", SIGNATURE, BODY, AT, false),
                Arguments.of("5 minutes old", ID, "1614265330", SIGNATURE, BODY, AT.plusSeconds(300), true),
                Arguments.of("older than 5 minutes", ID, "1614265330", SIGNATURE, BODY, AT.plusSeconds(301), false),
                Arguments.of("5 minutes ahead", ID, "1614265330", SIGNATURE, BODY, AT.minusSeconds(300), true),
                Arguments.of("more than 5 minutes ahead", ID, "1614265330", SIGNATURE, BODY, AT.minusSeconds(301),
                        false),
                Arguments.of("ours after another", ID, "1614265330", other + " " + SIGNATURE, BODY, AT, true),
                Arguments.of("ours before another", ID, "1614265330", SIGNATURE + " " + other, BODY, AT, true),
                Arguments.of("ours among unknown versions", ID, "1614265330",
                        "v1a,abc " + SIGNATURE + " v2,xyz", BODY, AT, true),
                Arguments.of("only others", ID, "1614265330", other + " v1,bm90IGl0", BODY, AT, false),
                Arguments.of("right digest, wrong version", ID, "1614265330", "v2," + SIGNATURE.substring(3), BODY, AT,
                        false),
                Arguments.of("not base64", ID, "1614265330", "v1,***", BODY, AT, false),
                Arguments.of("empty signature", ID, "1614265330", "", BODY, AT, false),
                Arguments.of("no signature", ID, "1614265330", null, BODY, AT, false),
                Arguments.of("no timestamp", ID, null, SIGNATURE, BODY, AT, false));
    }

    @ParameterizedTest(name = "{0}: {6}")
    @MethodSource("requests")
    void verifies(String title, String id, String timestamp, String signatures, String body, Instant now,
                  boolean valid) {
        assertEquals(valid, webhooks.verify(id, timestamp, signatures, body, now));
    }

    @Test
    void anotherSecretDoesNotVerify() {
        StandardWebhooks other = StandardWebhooks.of("whsec_" + java.util.Base64.getEncoder()
                .encodeToString("another key of twenty-four!".getBytes()));
        assertFalse(other.verify(ID, String.valueOf(TS), SIGNATURE, BODY, AT));
        String signed = other.sign(ID, TS, BODY);
        assertTrue(other.verify(ID, String.valueOf(TS), signed, BODY, AT));
        assertTrue(webhooks.verify(ID, String.valueOf(TS), signed + " " + SIGNATURE, BODY, AT),
                "a receiver rotating secrets accepts either");
    }
}
