package io.parley.reply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the classifier made of one labelled reply, in the corpus's terms. */
record Prediction(ReplyIntent intent, ReplyIntent secondary, Set<String> scope, BigDecimal amount,
                  BigDecimal fractionOfBalance, LocalDate date, List<String> reasons, String matched) {

    /** The classification of a reply that came on {@code channel}, in the corpus's terms. */
    static Prediction of(Classification result, String channel) {
        Set<String> scope = result.optOut().map(o -> o.everything() ? Set.of("all")
                : o.channels(io.parley.domain.Channel.of(channel)).stream().map(io.parley.domain.Channel::wire)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new))).orElse(Set.of());
        PromiseToPay promise = result.intent() == ReplyIntent.PROMISE_TO_PAY ? result.promise().orElse(null) : null;
        return new Prediction(result.intent(), result.secondary().orElse(null), scope,
                promise == null ? null : promise.amount(), promise == null ? null : promise.fractionOfBalance(),
                promise == null ? null : promise.date(), result.reasons(), result.matched());
    }

    boolean optsOut() {
        return !scope.isEmpty();
    }
}
