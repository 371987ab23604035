package io.parley.channel.voice.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.AttemptOutcome;
import io.parley.template.CallScript;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole calls through the flow, one row per path: what the callee does (answered by, then one entry per question:
 * keys, or "-" for no input), the flow events in order, the outcome, and whether the account was talked about.
 */
class CallFlowTest {
    /** 2026-11-20 10:00 in New York. */
    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private record Run(List<Turn> turns, CallState end) {
        List<String> spoken() {
            return turns.stream().flatMap(t -> t.spoken().stream()).toList();
        }

        List<String> events() {
            return turns.stream().flatMap(t -> t.events().stream()).map(FlowEvent::kind).toList();
        }
    }

    private static Run run(CallScript script, CallRules rules, String answeredBy, String... keys) {
        CallFlow flow = new CallFlow(script, rules);
        List<Turn> turns = new ArrayList<>();
        Turn turn = flow.answered(CallState.dialling(), answeredBy);
        turns.add(turn);
        for (String k : keys) {
            assertInstanceOf(Turn.Ask.class, turn.next(), "the call still asks before " + k);
            turn = k.equals("-") ? flow.silence(turn.state()) : flow.keys(turn.state(), k, NOW);
            turns.add(turn);
        }
        return new Run(turns, turn.state());
    }

    static Stream<Arguments> calls() {
        CallScript plain = CallScripts.script(false, true);
        CallScript silent = CallScripts.script(false, false);
        CallScript factor = CallScripts.script(true, true);
        CallRules us = CallScripts.rules(true, true, false);
        CallRules quiet = CallScripts.rules(false, false, false);
        CallRules strict = CallScripts.rules(true, true, true);
        return Stream.of(
                row("right party hears the balance and promises", plain, us, "human",
                        List.of("1", "1", "2", "500#", "20261205#", "1"),
                        List.of(FlowEvent.VERIFIED, FlowEvent.DISCLOSURE, FlowEvent.BALANCE, FlowEvent.PROMISE),
                        CallOutcomes.PROMISED, true),
                row("no disclosure where no pack requires it", plain, quiet, "unknown", List.of("1", "1", "9"),
                        List.of(FlowEvent.VERIFIED, FlowEvent.BALANCE, FlowEvent.OPTED_OUT), CallOutcomes.REACHED,
                        true),
                row("wrong person is asked to pass a message on", plain, us, "human", List.of("2"),
                        List.of(FlowEvent.THIRD_PARTY), CallOutcomes.THIRD_PARTY, false),
                row("wrong person, no message in the template", silent, us, "human", List.of("2"),
                        List.of(FlowEvent.THIRD_PARTY), CallOutcomes.THIRD_PARTY, false),
                row("machine gets the limited-content voicemail", plain, us, "machine_end_beep", List.of(),
                        List.of(FlowEvent.MACHINE), CallOutcomes.MACHINE, false),
                row("machine where the pack allows no voicemail", plain, quiet, "machine_end_silence", List.of(),
                        List.of(FlowEvent.MACHINE), CallOutcomes.MACHINE, false),
                row("fax", plain, us, "fax", List.of(), List.of(FlowEvent.MACHINE), CallOutcomes.MACHINE, false),
                row("no input twice at the greeting", plain, us, "human", List.of("-", "-"),
                        List.of(FlowEvent.NO_INPUT, FlowEvent.NO_INPUT, FlowEvent.GAVE_UP), CallOutcomes.NOT_REACHED,
                        false),
                row("a wrong key, then the right one", plain, us, "human", List.of("5", "1", "-", "9"),
                        List.of(FlowEvent.INPUT_REFUSED, FlowEvent.VERIFIED, FlowEvent.DISCLOSURE, FlowEvent.NO_INPUT,
                                FlowEvent.OPTED_OUT), CallOutcomes.REACHED, true),
                row("second factor keyed in", factor, us, "human", List.of("1", "1985#", "3"),
                        List.of(FlowEvent.VERIFIED, FlowEvent.DISCLOSURE, FlowEvent.TRANSFERRED),
                        CallOutcomes.TRANSFERRED, true),
                row("second factor wrong twice", factor, us, "human", List.of("1", "1999#", "2000#"),
                        List.of(FlowEvent.INPUT_REFUSED, FlowEvent.INPUT_REFUSED, FlowEvent.GAVE_UP,
                                FlowEvent.UNVERIFIED), CallOutcomes.UNVERIFIED, false),
                row("pack requires a second factor the script lacks", plain, strict, "human", List.of("1"),
                        List.of(FlowEvent.UNVERIFIED), CallOutcomes.UNVERIFIED, false),
                row("pack requires a second factor the script asks", factor, strict, "human",
                        List.of("1", "1985", "9"),
                        List.of(FlowEvent.VERIFIED, FlowEvent.DISCLOSURE, FlowEvent.OPTED_OUT), CallOutcomes.REACHED,
                        true),
                row("a past date, then a good one", plain, us, "human",
                        List.of("1", "2", "500", "20261119", "20261120", "1"),
                        List.of(FlowEvent.VERIFIED, FlowEvent.DISCLOSURE, FlowEvent.INPUT_REFUSED, FlowEvent.PROMISE),
                        CallOutcomes.PROMISED, true),
                row("a date beyond the pack's limit twice", plain, us, "human",
                        List.of("1", "2", "500", "20261221", "20270101"),
                        List.of(FlowEvent.VERIFIED, FlowEvent.DISCLOSURE, FlowEvent.INPUT_REFUSED,
                                FlowEvent.INPUT_REFUSED, FlowEvent.GAVE_UP), CallOutcomes.REACHED, true),
                row("not a date, no amount, then start again", plain, us, "human",
                        List.of("1", "2", "0", "250", "20261301", "20261220", "2", "300", "20261201", "1"),
                        List.of(FlowEvent.VERIFIED, FlowEvent.DISCLOSURE, FlowEvent.INPUT_REFUSED,
                                FlowEvent.INPUT_REFUSED, FlowEvent.PROMISE), CallOutcomes.PROMISED, true),
                row("opt-out from the menu", plain, us, "human", List.of("1", "9"),
                        List.of(FlowEvent.VERIFIED, FlowEvent.DISCLOSURE, FlowEvent.OPTED_OUT), CallOutcomes.REACHED,
                        true));
    }

    private static Arguments row(String title, CallScript script, CallRules rules, String answeredBy,
                                 List<String> keys, List<String> events, AttemptOutcome outcome, boolean talked) {
        return Arguments.of(title, script, rules, answeredBy, keys, events, outcome, talked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void runsTheCall(String title, CallScript script, CallRules rules, String answeredBy, List<String> keys,
                     List<String> events, AttemptOutcome outcome, boolean talked) {
        Run run = run(script, rules, answeredBy, keys.toArray(String[]::new));
        assertEquals(events, run.events(), title);
        Turn.Next last = run.turns().get(run.turns().size() - 1).next();
        assertFalse(last instanceof Turn.Ask, "the call ends with a hang-up or a transfer: " + last);
        assertTrue(run.end().ended(), "the call ends: " + run.end());
        assertEquals(outcome, CallOutcomes.of(run.end(), "completed"));
        assertEquals(talked, run.spoken().stream().anyMatch(CallScripts::disclosesDebt), run.spoken().toString());
        int verifiedAt = firstTurnWith(run, FlowEvent.VERIFIED);
        for (int i = 0; i < Math.min(verifiedAt, run.turns().size()); i++) {
            run.turns().get(i).spoken().forEach(text -> assertFalse(CallScripts.disclosesDebt(text),
                    "said before verification: " + text));
        }
    }

    @Test
    void readsThePromiseBackAndRecordsItOnlyOnConfirmation() {
        Run run = run(CallScripts.script(false, true), CallScripts.rules(true, true, false), "human", "1", "2",
                "500#", "20261205#");
        Turn readBack = run.turns().get(run.turns().size() - 1);
        assertEquals(List.of("PROMISECONFIRM $500.00 December 5, 2026"), readBack.spoken());
        assertFalse(run.end().has(CallState.Fact.PROMISED));
        Turn confirmed = new CallFlow(CallScripts.script(false, true), CallScripts.rules(true, true, false))
                .keys(run.end(), "1", NOW);
        assertEquals(List.of("PROMISERECORDED", "GOODBYE"), confirmed.said());
        assertEquals(java.util.Map.of("amount", "500", "date", "2026-12-05"), confirmed.events().get(0).data());
    }

    @Test
    void aVoicemailIsLeftOnlyWhenThePackAllowsAndTheStepNamesOne() {
        CallScript script = CallScripts.script(false, true);
        assertEquals(List.of(CallScripts.VOICEMAIL), run(script, CallScripts.rules(true, true, false),
                "machine_end_beep").spoken());
        assertEquals(List.of(), run(script, CallScripts.rules(true, false, false), "machine_end_beep").spoken());
        CallRules noTemplate = new CallRules(true, null, true, "us-regf/voice/voicemail", false, 30,
                CallScripts.ZONE, null);
        Run none = run(script, noTemplate, "machine_end_other");
        assertEquals(List.of(), none.spoken());
        assertEquals("the step leaves no voicemail", none.turns().get(0).events().get(0).data().get("reason"));
    }

    @Test
    void aCalleeWhoHangsUpEndsTheFlowWhereItStood() {
        Run run = run(CallScripts.script(false, true), CallScripts.rules(true, true, false), "human", "1");
        assertEquals("menu", CallFlow.hungUp(run.end()).orElseThrow().data().get("stage"));
        assertEquals(CallOutcomes.REACHED, CallOutcomes.of(run.end(), "completed"));
        assertTrue(CallFlow.hungUp(CallState.dialling()).isEmpty());
    }

    @Test
    void withoutAgentsThreeIsNotAChoice() {
        CallRules noAgents = new CallRules(true, null, true, "x", false, 30, CallScripts.ZONE, null);
        Run run = run(CallScripts.script(false, true), noAgents, "human", "1", "3");
        assertEquals(List.of(FlowEvent.VERIFIED, FlowEvent.DISCLOSURE, FlowEvent.INPUT_REFUSED), run.events());
    }

    private static int firstTurnWith(Run run, String kind) {
        for (int i = 0; i < run.turns().size(); i++) {
            if (run.turns().get(i).events().stream().anyMatch(e -> e.kind().equals(kind))) {
                return i;
            }
        }
        return run.turns().size();
    }
}
