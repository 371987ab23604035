package io.parley.channel.voice.flow;

import static io.parley.policy.ContactKind.CALL_CONNECTED;
import static io.parley.policy.ContactKind.CALL_PLACED;
import static io.parley.policy.ContactKind.CALL_UNANSWERED;
import static io.parley.policy.ContactKind.VOICEMAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.policy.ContactKind;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each way a call can end counts as in the contact ledger. */
class CallOutcomesTest {

    static Stream<Arguments> counted() {
        return Stream.of(
                row("refused by the provider before dialling", AttemptStatus.FAILED, null, Set.of()),
                row("committed, not yet placed", AttemptStatus.SENDING, null, Set.of(CALL_PLACED, CALL_UNANSWERED)),
                row("outcome unknown", AttemptStatus.UNKNOWN, null, Set.of(CALL_PLACED, CALL_UNANSWERED)),
                row("ringing", AttemptStatus.SENT, null, Set.of(CALL_PLACED, CALL_UNANSWERED)),
                row("busy", AttemptStatus.UNDELIVERED, CallOutcomes.NOT_REACHED, Set.of(CALL_PLACED, CALL_UNANSWERED)),
                row("failed after dialling", AttemptStatus.FAILED, CallOutcomes.NOT_REACHED,
                        Set.of(CALL_PLACED, CALL_UNANSWERED)),
                row("machine, hung up", AttemptStatus.UNDELIVERED, CallOutcomes.MACHINE,
                        Set.of(CALL_PLACED, CALL_UNANSWERED)),
                row("machine, voicemail left", AttemptStatus.DELIVERED, CallOutcomes.MACHINE,
                        Set.of(CALL_PLACED, CALL_UNANSWERED, VOICEMAIL)),
                row("right party", AttemptStatus.DELIVERED, CallOutcomes.REACHED, Set.of(CALL_PLACED, CALL_CONNECTED)),
                row("promise", AttemptStatus.DELIVERED, CallOutcomes.PROMISED, Set.of(CALL_PLACED, CALL_CONNECTED)),
                row("agent", AttemptStatus.DELIVERED, CallOutcomes.TRANSFERRED, Set.of(CALL_PLACED, CALL_CONNECTED)),
                row("unverified", AttemptStatus.DELIVERED, CallOutcomes.UNVERIFIED,
                        Set.of(CALL_PLACED, CALL_CONNECTED)),
                row("third party", AttemptStatus.DELIVERED, CallOutcomes.THIRD_PARTY, Set.of(CALL_PLACED)),
                row("answered, nobody said who", AttemptStatus.DELIVERED, CallOutcomes.NOT_REACHED,
                        Set.of(CALL_PLACED, CALL_UNANSWERED)));
    }

    private static Arguments row(String title, AttemptStatus status, AttemptOutcome outcome, Set<ContactKind> kinds) {
        return Arguments.of(title, status, outcome, kinds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("counted")
    void countsInTheLedger(String title, AttemptStatus status, AttemptOutcome outcome, Set<ContactKind> kinds) {
        assertEquals(kinds, CallOutcomes.counts(status, Optional.ofNullable(outcome)));
    }

    static Stream<Arguments> endings() {
        return Stream.of(
                Arguments.of("busy", "busy", CallState.dialling(), CallOutcomes.NOT_REACHED),
                Arguments.of("no-answer", "no-answer", CallState.dialling(), CallOutcomes.NOT_REACHED),
                Arguments.of("failed", "failed", CallState.dialling(), CallOutcomes.NOT_REACHED),
                Arguments.of("answered, hung up at once", "completed", CallState.dialling().answered("human"),
                        CallOutcomes.NOT_REACHED),
                Arguments.of("machine", "completed", CallState.dialling().answered("machine_end_beep"),
                        CallOutcomes.MACHINE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void endsInAnOutcome(String title, String status, CallState state, AttemptOutcome outcome) {
        assertEquals(outcome, CallOutcomes.of(state, status));
    }
}
