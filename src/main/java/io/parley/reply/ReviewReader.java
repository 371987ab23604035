package io.parley.reply;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a person should read a reply the rules did not recognise: it matches a file's {@code review} patterns (anger
 * that may or may not be a request to stop: "leave me alone", "烦死了"), or an exception hid an opt-out word in it
 * ("stop the direct debit", "退订了吗"). Such a reply stays OTHER: it is never guessed into an opt-out.
 */
final class ReviewReader {
    private ReviewReader() {
    }

    static Optional<String> review(ReplyText reply, List<LanguageRules> order, Map<ReplyIntent, List<String>> hidden) {
        for (LanguageRules rules : order) {
            for (LanguageRules.Phrase phrase : rules.review()) {
                var m = phrase.pattern().matcher(reply.words());
                if (m.find()) {
                    return Optional.of("'" + m.group().trim() + "' matched review pattern " + phrase.describe()
                            + ": it may be a request to stop, read it");
                }
            }
        }
        for (ReplyIntent intent : List.of(ReplyIntent.OPT_OUT_ALL, ReplyIntent.OPT_OUT)) {
            List<String> what = hidden.getOrDefault(intent, List.of());
            if (!what.isEmpty()) {
                return Optional.of("an opt-out word was set aside (" + what.get(0) + "): read it");
            }
        }
        return Optional.empty();
    }
}
