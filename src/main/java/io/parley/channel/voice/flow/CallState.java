package io.parley.channel.voice.flow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where one call's flow stands, kept between the provider's requests.
 *
 * @param turn       how many answers the flow has given (a provider's retry of an older request is told apart)
 * @param misses     no input or invalid input in a row at this stage (the second one ends the call)
 * @param answeredBy who the provider says answered (human, machine_end_beep, fax, unknown); null before the answer
 * @param amount     the promised amount keyed in, in whole currency units; null until then
 * @param date       the promised date keyed in; null until then
 */
public record CallState(CallStage stage, int turn, int misses, String answeredBy, boolean verified,
                        boolean unverified, boolean thirdParty, boolean voicemailLeft, BigDecimal amount,
                        LocalDate date, boolean promised, boolean transferred, boolean optedOut) {
    public CallState {
        Objects.requireNonNull(stage, "stage");
    }

    /** A call just placed. */
    public static CallState dialling() {
        return new CallState(CallStage.DIALLING, 0, 0, null, false, false, false, false, null, null, false, false,
                false);
    }

    public boolean ended() {
        return stage == CallStage.ENDED || stage == CallStage.TRANSFERRED;
    }

    /** Whether a machine (or a fax) answered rather than a person. */
    public boolean machine() {
        return answeredBy != null && (answeredBy.startsWith("machine") || answeredBy.equals("fax"));
    }

    CallState at(CallStage next, int newMisses) {
        return new CallState(next, turn + 1, newMisses, answeredBy, verified, unverified, thirdParty, voicemailLeft,
                amount, date, promised, transferred, optedOut);
    }

    CallState answered(String who) {
        return new CallState(stage, turn, misses, who, verified, unverified, thirdParty, voicemailLeft, amount, date,
                promised, transferred, optedOut);
    }

    CallState withVerified() {
        return new CallState(stage, turn, misses, answeredBy, true, false, thirdParty, voicemailLeft, amount, date,
                promised, transferred, optedOut);
    }

    CallState withUnverified() {
        return new CallState(stage, turn, misses, answeredBy, false, true, thirdParty, voicemailLeft, amount, date,
                promised, transferred, optedOut);
    }

    CallState withThirdParty() {
        return new CallState(stage, turn, misses, answeredBy, verified, unverified, true, voicemailLeft, amount, date,
                promised, transferred, optedOut);
    }

    CallState withVoicemailLeft() {
        return new CallState(stage, turn, misses, answeredBy, verified, unverified, thirdParty, true, amount, date,
                promised, transferred, optedOut);
    }

    CallState withPromise(BigDecimal newAmount, LocalDate newDate, boolean confirmed) {
        return new CallState(stage, turn, misses, answeredBy, verified, unverified, thirdParty, voicemailLeft,
                newAmount, newDate, confirmed, transferred, optedOut);
    }

    CallState withTransfer() {
        return new CallState(stage, turn, misses, answeredBy, verified, unverified, thirdParty, voicemailLeft, amount,
                date, promised, true, optedOut);
    }

    CallState withOptOut() {
        return new CallState(stage, turn, misses, answeredBy, verified, unverified, thirdParty, voicemailLeft, amount,
                date, promised, transferred, true);
    }
}
