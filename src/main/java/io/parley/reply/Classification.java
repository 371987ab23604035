package io.parley.reply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The meaning of one reply.
 * <ul>
 *   <li>{@code intent}: the primary intent, the one with the strongest legal consequence
 *       ({@link ReplyIntent#PRECEDENCE}).</li>
 *   <li>{@code secondary}: the next strongest intent the reply also expresses, acted on too ("not mine, stop texting
 *       me": a dispute, and an SMS opt-out).</li>
 *   <li>{@code optOut}: what the reply stops, whenever it opts out of anything, as its primary, secondary or a
 *       weaker intent: an opt-out always takes effect.</li>
 *   <li>{@code promise}: present when the primary or the secondary intent is a promise to pay.</li>
 *   <li>{@code reasons}: sentences for operators: which rule matched, what else matched, what was hidden by an
 *       exception, what was extracted and how dates were resolved.</li>
 *   <li>{@code matched}: the part of the (normalised) reply that decided the intent, empty for OTHER.</li>
 *   <li>{@code review}: why a person should read the reply, when the classifier would not guess (an angry reply
 *       that might be a request to stop, a "stop" about something else); empty when the reading is clear.</li>
 * </ul>
 */
public record Classification(ReplyIntent intent, Optional<ReplyIntent> secondary, Optional<OptOutScope> optOut,
                             Optional<PromiseToPay> promise, List<String> reasons, String matched,
                             Optional<String> review) {
    public Classification {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(secondary, "secondary");
        Objects.requireNonNull(optOut, "optOut");
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(matched, "matched");
        Objects.requireNonNull(review, "review");
        reasons = List.copyOf(reasons);
        if (secondary.isPresent() && (secondary.get() == intent || secondary.get() == ReplyIntent.OTHER)) {
            throw new IllegalArgumentException("a secondary intent differs from the intent and is not other");
        }
        if (promise.isPresent() != has(intent, secondary, ReplyIntent.PROMISE_TO_PAY)) {
            throw new IllegalArgumentException("a promise comes with PROMISE_TO_PAY (primary or secondary) and only with it");
        }
        if ((intent.isOptOut() || secondary.filter(ReplyIntent::isOptOut).isPresent()) && optOut.isEmpty()) {
            throw new IllegalArgumentException("an opt-out intent needs its scope");
        }
        if (intent == ReplyIntent.OPT_OUT_ALL && !optOut.orElseThrow().everything()) {
            throw new IllegalArgumentException("opt_out_all stops everything");
        }
    }

    /** A reply that means one thing only. */
    /** The same classification with one more reason at the end. */
    Classification withReason(String reason) {
        List<String> more = new java.util.ArrayList<>(reasons);
        more.add(reason);
        return new Classification(intent, secondary, optOut, promise, more, matched, review);
    }

    static Classification single(ReplyIntent intent, Optional<OptOutScope> optOut, List<String> reasons, String matched) {
        return new Classification(intent, Optional.empty(), optOut, Optional.empty(), reasons, matched, Optional.empty());
    }

    /** True when the primary or the secondary intent is {@code which}. */
    public boolean means(ReplyIntent which) {
        return has(intent, secondary, which);
    }

    private static boolean has(ReplyIntent intent, Optional<ReplyIntent> secondary, ReplyIntent which) {
        return intent == which || secondary.filter(s -> s == which).isPresent();
    }
}
