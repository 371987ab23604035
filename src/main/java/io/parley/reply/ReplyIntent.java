package io.parley.reply;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a debtor's reply means. The wire name is the lower-case name ("opt_out", "promise_to_pay"). When a reply
 * matches several intents, {@link #PRECEDENCE} decides.
 */
public enum ReplyIntent {
    /** Stop contacting on the channel the reply came in on (STOP to an SMS). */
    OPT_OUT,
    /** A written cease request: stop every communication on every channel. */
    OPT_OUT_ALL,
    /** The debtor re-subscribes (START, UNSTOP). */
    OPT_IN,
    /** The debtor asks who is writing or how the service works (HELP, INFO). */
    HELP,
    /** The debtor promises a payment (with an amount and a date when given). */
    PROMISE_TO_PAY,
    /** The debtor says the debt, or an instalment, is already paid. */
    PAID,
    /** The debt is disputed: collection stops until it is validated. */
    DISPUTE,
    /** The number does not reach the debtor. */
    WRONG_NUMBER,
    /** The debtor is represented: communicate with the attorney only. */
    ATTORNEY,
    /** A bankruptcy filing: collection stops, the case goes to review. */
    BANKRUPTCY,
    /** The debtor cannot pay (job loss, illness, no money). */
    HARDSHIP,
    /** The debtor asks to be called. */
    CALLBACK_REQUEST,
    /** Nothing recognised. */
    OTHER;

    /**
     * Which intent is primary when a reply expresses several, first wins: the strongest legal consequence first
     * (conf/replies/LABELLING.md). A cease stops everything; representation, bankruptcy and a dispute stop
     * collection; an opt-out stops a channel; a wrong number is not the debtor; then the facts about payment (paid
     * before promised: a payment claim is checked before a new promise is booked), circumstances (hardship), requests
     * (a callback, help) and the opt-in. The next intent in this order that the reply also expresses is its secondary
     * intent and is acted on too; an opt-out takes effect wherever it ranks.
     */
    public static final List<ReplyIntent> PRECEDENCE = List.of(OPT_OUT_ALL, ATTORNEY, BANKRUPTCY, DISPUTE, OPT_OUT,
            WRONG_NUMBER, PAID, PROMISE_TO_PAY, HARDSHIP, CALLBACK_REQUEST, HELP, OPT_IN, OTHER);

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name ("opt_out", "promise_to_pay"...); throws IllegalArgumentException naming the accepted values. */
    public static ReplyIntent parse(String value) {
        if (value != null) {
            for (ReplyIntent intent : values()) {
                if (intent.wire().equalsIgnoreCase(value.trim())) {
                    return intent;
                }
            }
        }
        throw new IllegalArgumentException("unknown intent '" + value + "' (expected one of "
                + Arrays.stream(values()).map(ReplyIntent::wire).collect(Collectors.joining(", ")) + ")");
    }

    /** True for the intents that stop contact: OPT_OUT and OPT_OUT_ALL. */
    public boolean isOptOut() {
        return this == OPT_OUT || this == OPT_OUT_ALL;
    }
}
