package io.parley.channel.voice.flow;

/** Where a call stands in its flow: what the last prompt asked for. */
public enum CallStage {
    /** Placed, not answered yet. */
    DIALLING,
    /** Asked whether the debtor is on the line: 1 yes, 2 no. */
    IDENTIFY,
    /** Asked for the second factor (birth year, id digits), then pound. */
    SECOND_FACTOR,
    /** The right party is verified: the menu was read. */
    MENU,
    PROMISE_AMOUNT,
    PROMISE_DATE,
    /** The promise was read back: 1 confirms, 2 starts again. */
    PROMISE_CONFIRM,
    /** Put through to an agent. */
    TRANSFERRED,
    /** Said goodbye and hung up, or the call ended. */
    ENDED
}
