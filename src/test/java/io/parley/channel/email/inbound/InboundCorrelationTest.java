package io.parley.channel.email.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which attempt an email answers, in the documented order, and what does not count. */
class InboundCorrelationTest {
    private static final String DOMAIN = "reply.parley.test";
    private static final UUID A = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID B = UUID.fromString("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
    private static final UUID C = UUID.fromString("01234567-89ab-4def-8123-456789abcdef");

    private static String reply(UUID id) {
        return "reply+" + id.toString().replace("-", "") + "@" + DOMAIN;
    }

    private static String mid(UUID id) {
        return "<" + id + "@" + DOMAIN + ">";
    }

    private static InboundEmail email(List<String> to, List<String> cc, List<String> deliveredTo, String inReplyTo,
                                      List<String> references, Bounce bounce) {
        return new InboundEmail("person@example.com", to, cc, deliveredTo, "Re: x", "<m@example.com>", inReplyTo,
                references, null, "", Map.of(), bounce == null ? InboundKind.REPLY : InboundKind.BOUNCE, bounce);
    }

    static Stream<Arguments> table() {
        List<String> none = List.of();
        return Stream.of(
                Arguments.of("reply address in To", email(List.of(reply(A)), none, none, mid(B), List.of(mid(C)), null),
                        A, ReplyCorrelation.Via.REPLY_ADDRESS),
                Arguments.of("reply address, upper-case hex and domain", email(List.of(reply(A).toUpperCase().replace("REPLY+", "reply+")),
                        none, none, null, none, null), A, ReplyCorrelation.Via.REPLY_ADDRESS),
                Arguments.of("To before Cc", email(List.of("x@example.com", reply(B)), List.of(reply(A)), none, null, none, null),
                        B, ReplyCorrelation.Via.REPLY_ADDRESS),
                Arguments.of("reply address in Cc", email(List.of("lawyer@example.com"), List.of(reply(A)), none, null, none, null),
                        A, ReplyCorrelation.Via.REPLY_ADDRESS),
                Arguments.of("reply address in Delivered-To (Bcc'd)", email(List.of("x@example.com"), none, List.of(reply(C)), mid(B), none, null),
                        C, ReplyCorrelation.Via.REPLY_ADDRESS),
                Arguments.of("In-Reply-To", email(List.of("collections@parley.test"), none, none, mid(B), List.of(mid(C)), null),
                        B, ReplyCorrelation.Via.IN_REPLY_TO),
                Arguments.of("References newest first", email(none, none, none, "<other@mail.gmail.com>",
                        List.of(mid(A), mid(C), "<other@mail.gmail.com>"), null), C, ReplyCorrelation.Via.REFERENCES),
                Arguments.of("bounce: the original Message-ID first", email(List.of(reply(A)), none, none, mid(B), none,
                        new Bounce("x@example.com", "5.1.1", true, "user unknown", mid(C))), C, ReplyCorrelation.Via.BOUNCED_MESSAGE_ID),
                Arguments.of("bounce without the original falls back", email(List.of("collections@parley.test"), none, none, mid(B), none,
                        new Bounce("x@example.com", "5.1.1", true, null, null)), B, ReplyCorrelation.Via.IN_REPLY_TO),
                Arguments.of("another domain's reply address", email(List.of("reply+" + A.toString().replace("-", "") + "@evil.example"),
                        none, none, null, none, null), null, null),
                Arguments.of("a subdomain is another domain", email(List.of(reply(A).replace("@", "@x.")), none, none, null, none, null),
                        null, null),
                Arguments.of("too short a token", email(List.of("reply+1234abcd@" + DOMAIN), none, none, null, none, null), null, null),
                Arguments.of("non-hex token", email(List.of("reply+" + "z".repeat(32) + "@" + DOMAIN), none, none, null, none, null), null, null),
                Arguments.of("Message-ID of another domain", email(none, none, none, "<" + A + "@mail.example.com>",
                        List.of("<" + B + "@mail.example.com>"), null), null, null),
                Arguments.of("Message-ID that is not a UUID", email(none, none, none, "<abc123@" + DOMAIN + ">", none, null), null, null),
                Arguments.of("a malformed reply address falls through to In-Reply-To", email(List.of("reply+nothex@" + DOMAIN), none, none,
                        mid(A), none, null), A, ReplyCorrelation.Via.IN_REPLY_TO),
                Arguments.of("nothing", email(List.of("collections@parley.test"), none, none, null, none, null), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void correlates(String title, InboundEmail email, UUID attempt, ReplyCorrelation.Via via) {
        Optional<ReplyCorrelation.Match> match = ReplyCorrelation.match(email, DOMAIN);
        assertEquals(Optional.ofNullable(attempt), match.map(ReplyCorrelation.Match::attemptId));
        assertEquals(Optional.ofNullable(via), match.map(ReplyCorrelation.Match::via));
        assertEquals(Optional.ofNullable(attempt), ReplyCorrelation.attemptId(email, DOMAIN.toUpperCase() + "."));
    }
}
