package io.parley.channel.voice.flow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where one call's flow stands, kept between the provider's requests.
 *
 * @param turn       how many answers the flow has given (a provider's retry of an older request is told apart)
 * @param misses     no input or invalid input in a row at this stage (the second one ends the call)
 * @param answeredBy who the provider says answered (human, machine_end_beep, fax, unknown); null before the answer
 * @param facts      what the call has established so far
 * @param amount     the promised amount keyed in, in whole currency units; null until then
 * @param date       the promised date keyed in; null until then
 */
public record CallState(CallStage stage, int turn, int misses, String answeredBy, Set<Fact> facts,
                        BigDecimal amount, LocalDate date) {

    /** What a call establishes on its way. */
    public enum Fact {
        VERIFIED, UNVERIFIED, THIRD_PARTY, VOICEMAIL_LEFT, PROMISED, TRANSFERRED, OPTED_OUT
    }

    public CallState {
        Objects.requireNonNull(stage, "stage");
        facts = facts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facts));
    }

    /** A call just placed. */
    public static CallState dialling() {
        return new CallState(CallStage.DIALLING, 0, 0, null, Set.of(), null, null);
    }

    public boolean ended() {
        return stage == CallStage.ENDED || stage == CallStage.TRANSFERRED;
    }

    public boolean has(Fact fact) {
        return facts.contains(fact);
    }

    /** Whether a machine (or a fax) answered rather than a person. */
    public boolean machine() {
        return answeredBy != null && (answeredBy.startsWith("machine") || answeredBy.equals("fax"));
    }

    CallState at(CallStage next, int newMisses) {
        return new CallState(next, turn + 1, newMisses, answeredBy, facts, amount, date);
    }

    CallState answered(String who) {
        return new CallState(stage, turn, misses, who, facts, amount, date);
    }

    CallState with(Fact fact) {
        Set<Fact> more = EnumSet.of(fact);
        more.addAll(facts);
        return new CallState(stage, turn, misses, answeredBy, more, amount, date);
    }

    CallState withPromise(BigDecimal newAmount, LocalDate newDate) {
        return new CallState(stage, turn, misses, answeredBy, facts, newAmount, newDate);
    }
}
