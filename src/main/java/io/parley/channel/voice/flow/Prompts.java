package io.parley.channel.voice.flow;

import io.parley.template.CallScript;

import java.util.List;

/** The question each stage asks, from the call script: what is read while the call waits for keys. */
final class Prompts {
    private final CallScript script;

    Prompts(CallScript script) {
        this.script = script;
    }

    /** Says the statements, then asks the question of the state's stage. */
    Turn ask(CallState s, List<String> said, List<FlowEvent> events) {
        return new Turn(s, said, new Turn.Ask(List.of(question(s)), untilPound(s.stage())), events);
    }

    private String question(CallState s) {
        return switch (s.stage()) {
            case IDENTIFY -> script.required(CallScript.GREETING);
            case SECOND_FACTOR -> script.required(CallScript.SECOND_FACTOR);
            case MENU -> script.required(CallScript.MENU);
            case PROMISE_AMOUNT -> script.required(CallScript.PROMISE_AMOUNT);
            case PROMISE_DATE -> script.required(CallScript.PROMISE_DATE);
            case PROMISE_CONFIRM -> script.readBack(s.amount(), s.date());
            case DIALLING, TRANSFERRED, ENDED -> throw new IllegalStateException("nothing is asked at " + s.stage());
        };
    }

    private static boolean untilPound(CallStage stage) {
        return stage == CallStage.SECOND_FACTOR || stage == CallStage.PROMISE_AMOUNT
                || stage == CallStage.PROMISE_DATE;
    }
}
