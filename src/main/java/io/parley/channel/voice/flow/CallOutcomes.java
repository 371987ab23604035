package io.parley.channel.voice.flow;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.policy.ContactKind;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a call came to, for the sequence (the outcome its steps branch on) and for the contact ledger (what it counts
 * as against caps and the lockout after a conversation).
 */
public final class CallOutcomes {
    /** The right party was verified and spoke with the call. */
    public static final AttemptOutcome REACHED = AttemptOutcome.of("reached");
    /** Busy, no answer, failed, or answered without anyone saying who they are. */
    public static final AttemptOutcome NOT_REACHED = AttemptOutcome.of("not_reached");
    /** Someone who is not the debtor answered: nothing was disclosed. */
    public static final AttemptOutcome THIRD_PARTY = AttemptOutcome.of("third_party");
    /** A person who said they were the debtor could not be verified: nothing was disclosed. */
    public static final AttemptOutcome UNVERIFIED = AttemptOutcome.of("unverified");
    /** An answering machine or a fax answered (a voicemail may have been left: the status is then delivered). */
    public static final AttemptOutcome MACHINE = AttemptOutcome.of("machine");
    /** The right party promised to pay, by keypad. */
    public static final AttemptOutcome PROMISED = AttemptOutcome.of("promised");
    /** The right party asked for an agent and was put through. */
    public static final AttemptOutcome TRANSFERRED = AttemptOutcome.of("transferred");

    /** Every outcome a call step may branch on besides the common ones. */
    public static final List<AttemptOutcome> ALL = List.of(REACHED, NOT_REACHED, THIRD_PARTY, UNVERIFIED, MACHINE,
            PROMISED, TRANSFERRED);

    private CallOutcomes() {
    }

    /** The outcome of a call that ended with this final status, its flow having come to this state. */
    public static AttemptOutcome of(CallState s, String finalStatus) {
        if (!"completed".equals(finalStatus)) {
            return NOT_REACHED;
        }
        if (s.machine()) {
            return MACHINE;
        }
        if (s.has(CallState.Fact.PROMISED)) {
            return PROMISED;
        }
        if (s.has(CallState.Fact.TRANSFERRED)) {
            return TRANSFERRED;
        }
        if (s.has(CallState.Fact.VERIFIED)) {
            return REACHED;
        }
        if (s.has(CallState.Fact.UNVERIFIED)) {
            return UNVERIFIED;
        }
        return s.has(CallState.Fact.THIRD_PARTY) ? THIRD_PARTY : NOT_REACHED;
    }

    /**
     * What a call counts as in the ledger: every placed call is CALL_PLACED; a conversation with the right party (or
     * with someone who said they were) is CALL_CONNECTED, which starts the lockout; busy, no answer, failed after
     * dialling, a machine, and a call whose outcome is not known yet are CALL_UNANSWERED; a machine that got the
     * voicemail is VOICEMAIL too. A call the provider refused before dialling (failed, no outcome) is nothing.
     */
    public static Set<ContactKind> counts(AttemptStatus status, Optional<AttemptOutcome> outcome) {
        if (outcome.isEmpty()) {
            return switch (status) {
                case FAILED -> Set.of();
                case DELIVERED -> Set.of(ContactKind.CALL_PLACED, ContactKind.CALL_CONNECTED);
                default -> Set.of(ContactKind.CALL_PLACED, ContactKind.CALL_UNANSWERED);
            };
        }
        AttemptOutcome o = outcome.get();
        if (o == REACHED || o == PROMISED || o == TRANSFERRED || o == UNVERIFIED) {
            return Set.of(ContactKind.CALL_PLACED, ContactKind.CALL_CONNECTED);
        }
        if (o == THIRD_PARTY) {
            return Set.of(ContactKind.CALL_PLACED);
        }
        if (o == MACHINE && status == AttemptStatus.DELIVERED) {
            return Set.of(ContactKind.CALL_PLACED, ContactKind.CALL_UNANSWERED, ContactKind.VOICEMAIL);
        }
        return Set.of(ContactKind.CALL_PLACED, ContactKind.CALL_UNANSWERED);
    }
}
