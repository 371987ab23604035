package io.parley.reply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the classifier made of one labelled reply, in the corpus's terms. */
record Prediction(ReplyIntent intent, ReplyIntent secondary, Set<String> scope, BigDecimal amount,
                  BigDecimal fractionOfBalance, LocalDate date, List<String> reasons, String matched) {

    /**
     * The classification of a reply that came on {@code channel}. This classifier names no scope and no secondary
     * intent: an opt-out stops the channel the reply came on, a cease stops everything.
     */
    static Prediction of(Classification result, String channel) {
        ReplyIntent intent = result.intent();
        Set<String> scope = intent == ReplyIntent.OPT_OUT_ALL ? Set.of("all")
                : intent == ReplyIntent.OPT_OUT ? Set.of(channel) : Set.of();
        PromiseToPay promise = result.promise().orElse(null);
        return new Prediction(intent, null, scope, promise == null ? null : promise.amount(),
                promise == null ? null : promise.fractionOfBalance(), promise == null ? null : promise.date(),
                result.reasons(), result.matched());
    }

    boolean optsOut() {
        return !scope.isEmpty();
    }
}
