package io.parley.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;
import io.parley.store.ContactPointStatus;
import io.parley.store.StoredContactPoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step's own channel first, then its fallbacks in order; only the debtor's own valid points on a channel that
 * has a sender; every channel passed over is explained.
 */
class ContactChoiceTest {
    private static final Set<Channel> ALL = Set.copyOf(Channel.declared());
    private static final List<ContactChoice.Option> SMS_THEN_EMAIL_THEN_VOICE = List.of(
            new ContactChoice.Option(Channel.SMS, "reminder-sms"),
            new ContactChoice.Option(Channel.EMAIL, "reminder-email"),
            new ContactChoice.Option(Channel.VOICE, "reminder-voice"));

    private static long nextId = 1;

    private static StoredContactPoint point(Channel channel, ContactType type, ContactPointStatus status) {
        String address = channel == Channel.EMAIL ? "p" + nextId + "@example.com" : "+1212555" + (1000 + nextId);
        return new StoredContactPoint(nextId++, new ContactPoint(channel, address, type, true), status);
    }

    private static StoredContactPoint valid(Channel channel, ContactType type) {
        return point(channel, type, ContactPointStatus.VALID);
    }

    /** title, contacts, sendable channels, expected channel and template (or null), expected passed-over reasons. */
    static Stream<Arguments> cases() {
        StoredContactPoint mobile = valid(Channel.SMS, ContactType.MOBILE);
        StoredContactPoint email = valid(Channel.EMAIL, ContactType.PERSONAL);
        StoredContactPoint home = valid(Channel.VOICE, ContactType.HOME);
        StoredContactPoint optedOut = point(Channel.SMS, ContactType.MOBILE, ContactPointStatus.OPTED_OUT);
        StoredContactPoint invalid = point(Channel.SMS, ContactType.WORK, ContactPointStatus.INVALID);
        StoredContactPoint invalidWork = point(Channel.SMS, ContactType.WORK, ContactPointStatus.INVALID);
        StoredContactPoint familySms = valid(Channel.SMS, ContactType.FAMILY);
        StoredContactPoint employerSms = valid(Channel.SMS, ContactType.EMPLOYER);
        StoredContactPoint referenceEmail = valid(Channel.EMAIL, ContactType.REFERENCE);
        StoredContactPoint familyVoice = valid(Channel.VOICE, ContactType.FAMILY);
        StoredContactPoint secondMobile = valid(Channel.SMS, ContactType.WORK);
        return Stream.of(
                Arguments.of("own channel first", List.of(email, mobile, home), ALL,
                        mobile, "reminder-sms", List.of()),
                Arguments.of("first valid point of the channel, in the debtor's order", List.of(optedOut, secondMobile, mobile),
                        ALL, secondMobile, "reminder-sms", List.of()),
                Arguments.of("first fallback when the own channel has no point", List.of(home, email), ALL,
                        email, "reminder-email", List.of("sms: no contact point")),
                Arguments.of("fallbacks in order", List.of(home), ALL,
                        home, "reminder-voice", List.of("sms: no contact point", "email: no contact point")),
                Arguments.of("opted out and invalid points are skipped, with their status", List.of(optedOut, invalid, email), ALL,
                        email, "reminder-email", List.of("sms: no usable contact point (opted_out, invalid)")),
                Arguments.of("third parties are never chosen", List.of(familySms, employerSms, referenceEmail, home), ALL,
                        home, "reminder-voice", List.of(
                                "sms: only third-party contact points, which are not used to reach the borrower",
                                "email: only third-party contact points, which are not used to reach the borrower")),
                Arguments.of("third parties do not appear among the skipped points",
                        List.of(familySms, invalidWork, email), ALL,
                        email, "reminder-email", List.of("sms: no usable contact point (invalid)")),
                Arguments.of("a channel without a sender is passed over", List.of(mobile, email),
                        Set.of(Channel.EMAIL, Channel.VOICE),
                        email, "reminder-email", List.of("sms: no sender is configured for this channel")),
                Arguments.of("nothing usable: empty, with every reason",
                        List.of(optedOut, familySms, referenceEmail, familyVoice), Set.of(Channel.SMS, Channel.EMAIL),
                        null, null, List.of("sms: no usable contact point (opted_out)",
                                "email: only third-party contact points, which are not used to reach the borrower",
                                "voice: no sender is configured for this channel")),
                Arguments.of("no contact points at all", List.of(), ALL,
                        null, null, List.of("sms: no contact point", "email: no contact point", "voice: no contact point")),
                Arguments.of("no senders at all", List.of(mobile, email, home), Set.of(),
                        null, null, List.of("sms: no sender is configured for this channel",
                                "email: no sender is configured for this channel",
                                "voice: no sender is configured for this channel")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choosesTheContactPoint(String title, List<StoredContactPoint> contacts, Set<Channel> sendable,
                                StoredContactPoint expectedPoint, String expectedTemplate, List<String> passedOver) {
        ContactChoice choice = ContactChoice.choose(SMS_THEN_EMAIL_THEN_VOICE, io.parley.sequence.Audience.BORROWER, contacts, sendable);

        Optional<ContactChoice.Chosen> expected = Optional.ofNullable(expectedPoint)
                .map(p -> new ContactChoice.Chosen(p.point().channel(), expectedTemplate, p));
        assertEquals(expected, choice.chosen());
        assertEquals(passedOver, choice.passedOver());
    }

    @ParameterizedTest
    @EnumSource(value = ContactType.class, names = {"FAMILY", "EMPLOYER", "REFERENCE"})
    void aThirdPartyIsNeverChosenOnAnyChannel(ContactType thirdParty) {
        List<StoredContactPoint> contacts = new ArrayList<>();
        List<ContactChoice.Option> options = new ArrayList<>();
        for (Channel channel : Channel.declared()) {
            contacts.add(valid(channel, thirdParty));
            options.add(new ContactChoice.Option(channel, "t-" + channel.wire()));
        }

        ContactChoice choice = ContactChoice.choose(options, io.parley.sequence.Audience.BORROWER, contacts, ALL);

        assertEquals(Optional.empty(), choice.chosen());
        assertEquals(Channel.declared().size(), choice.passedOver().size(), choice.passedOver().toString());
    }
}
