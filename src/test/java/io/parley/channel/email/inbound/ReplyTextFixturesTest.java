package io.parley.channel.email.inbound;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-shaped replies from common clients (mail/replies/*.eml, listed in cases.tsv): each parses as a person's reply,
 * yields exactly the text in its .expected.txt, and finds the attempt it answers the expected way.
 */
class ReplyTextFixturesTest {

    static Stream<Arguments> cases() {
        return MailFixtures.table("replies/cases.tsv").stream()
                .map(row -> Arguments.of(row[0], UUID.fromString(row[1]), ReplyCorrelation.Via.valueOf(row[2])));
    }

    @Test
    void thereAreEnoughFixtures() {
        long chinese = cases().filter(a -> a.get()[0].toString().contains("-zh")).count();
        assertTrue(cases().count() >= 20, "at least 20 reply fixtures");
        assertTrue(chinese >= 8, "Chinese clients covered");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsTheNewText(String fixture, UUID attempt, ReplyCorrelation.Via via) {
        InboundEmail email = MailFixtures.parse("replies/" + fixture + ".eml");
        String expected = MailFixtures.text("replies/" + fixture + ".expected.txt");
        Optional<ReplyCorrelation.Match> match = ReplyCorrelation.match(email, MailFixtures.REPLY_DOMAIN);
        assertAll(
                () -> assertEquals(expected, ReplyText.extract(email.plainBody())),
                () -> assertEquals(expected, email.replyText()),
                () -> assertEquals(InboundKind.REPLY, email.kind()),
                () -> assertEquals(Optional.of(attempt), match.map(ReplyCorrelation.Match::attemptId)),
                () -> assertEquals(Optional.of(via), match.map(ReplyCorrelation.Match::via)));
    }
}
