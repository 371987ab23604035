package io.parley.reply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The meaning of one reply. {@code promise} is present only for {@link ReplyIntent#PROMISE_TO_PAY}. {@code reasons}
 * are sentences for operators: which rule matched, what lost on precedence, what was extracted and how dates were
 * resolved. {@code matched} is the part of the (normalised) reply that decided the intent, empty for OTHER.
 */
public record Classification(ReplyIntent intent, Optional<PromiseToPay> promise, List<String> reasons,
                             String matched) {
    public Classification {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(matched, "matched");
        reasons = List.copyOf(reasons);
        if (promise.isPresent() != (intent == ReplyIntent.PROMISE_TO_PAY)) {
            throw new IllegalArgumentException("a promise comes with PROMISE_TO_PAY and only with it");
        }
    }
}
