package io.parley.policy;

import static io.parley.policy.PolicyFixtures.DEBTOR;
import static io.parley.policy.PolicyFixtures.MOBILE;
import static io.parley.policy.PolicyFixtures.WORK;
import static io.parley.policy.PolicyFixtures.call;
import static io.parley.policy.PolicyFixtures.packs;
import static io.parley.policy.PolicyFixtures.point;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Used and remaining per cap, counted in the rolling window ending now, as a new attempt to the point would be. */
class CapStandingTest {
    private static final Instant NOW = Instant.parse("2026-01-15T15:00:00Z");
    private static final ContactPoint MOBILE_VOICE = point(Channel.VOICE, MOBILE, ContactType.MOBILE);
    private static final ContactPoint WORK_VOICE = point(Channel.VOICE, WORK, ContactType.WORK);

    private static PastContact callDaysAgo(String caseId, String address, ContactType type, double days) {
        return call(caseId, address, type, NOW.minus(Duration.ofMinutes((long) (days * 24 * 60))));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("no history: all remaining", "us-regf", MOBILE_VOICE, List.of(),
                        List.of("us-regf/voice/7-in-7 0/7")),
                Arguments.of("calls inside the window count, one just outside does not", "us-regf", MOBILE_VOICE,
                        List.of(callDaysAgo("case-1", MOBILE, ContactType.MOBILE, 1),
                                callDaysAgo("case-1", MOBILE, ContactType.MOBILE, 6.9),
                                callDaysAgo("case-1", MOBILE, ContactType.MOBILE, 7)),
                        List.of("us-regf/voice/7-in-7 2/5")),
                Arguments.of("a per-debt cap ignores another case", "us-regf", MOBILE_VOICE,
                        List.of(callDaysAgo("case-2", MOBILE, ContactType.MOBILE, 1)),
                        List.of("us-regf/voice/7-in-7 0/7")),
                Arguments.of("a per-person cap counts every case, remaining never below zero", "us-ma", MOBILE_VOICE,
                        List.of(callDaysAgo("case-2", MOBILE, ContactType.MOBILE, 1),
                                callDaysAgo("case-1", WORK, ContactType.WORK, 2),
                                callDaysAgo("case-3", MOBILE, ContactType.MOBILE, 3)),
                        List.of("us-ma/voice/2-in-7 3/0")),
                Arguments.of("a cap for work numbers only bears on the work point", "us-wa", MOBILE_VOICE,
                        List.of(callDaysAgo("case-1", WORK, ContactType.WORK, 1)), List.of()),
                Arguments.of("the work point sees it", "us-wa", WORK_VOICE,
                        List.of(callDaysAgo("case-1", WORK, ContactType.WORK, 1)),
                        List.of("us-wa/voice/work-weekly 1/0")),
                Arguments.of("a new call counts as unanswered until it connects", "cn", MOBILE_VOICE,
                        List.of(), List.of("cn/voice/unanswered-daily 0/6")),
                Arguments.of("no cap for the channel", "us-regf", point(Channel.SMS, MOBILE, ContactType.MOBILE),
                        List.of(callDaysAgo("case-1", MOBILE, ContactType.MOBILE, 1)), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void standing(String title, String packIds, ContactPoint point, List<PastContact> history, List<String> expected) {
        List<String> actual = CapStanding.of(packs(packIds), "case-1", DEBTOR, point, new ContactHistory(history), NOW)
                .stream().map(s -> s.rule() + " " + s.used() + "/" + s.remaining()).toList();
        assertEquals(expected, actual);
    }
}
