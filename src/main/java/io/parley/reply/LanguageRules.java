package io.parley.reply;

import io.parley.domain.Channel;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of one language, from one file: whole-reply keywords and the courtesy words that may surround them,
 * phrase patterns and the exceptions that hide text from an intent's phrases, the words that name each channel (the
 * scope of an opt-out), the patterns that send an unrecognised reply to a person, and how numeric dates read (by
 * default and per region). {@code sieve} knows, from one pass over a reply, which phrases and exceptions cannot
 * match it ({@link PhraseSieve}); it depends on the rules only, so it is built once with them.
 */
record LanguageRules(String language, String source, DateOrder numericDates, Map<String, DateOrder> numericDatesByRegion,
                     Map<String, ReplyIntent> keywords, Map<ReplyIntent, List<Phrase>> phrases,
                     Map<ReplyIntent, List<Phrase>> exceptions, Map<Channel, List<Phrase>> channels,
                     List<String> courtesy, List<Phrase> review, PhraseSieve sieve) {

    LanguageRules(String language, String source, DateOrder numericDates, Map<String, DateOrder> numericDatesByRegion,
                  Map<String, ReplyIntent> keywords, Map<ReplyIntent, List<Phrase>> phrases,
                  Map<ReplyIntent, List<Phrase>> exceptions, Map<Channel, List<Phrase>> channels,
                  List<String> courtesy, List<Phrase> review) {
        this(language, source, numericDates, numericDatesByRegion, keywords, phrases, exceptions, channels, courtesy,
                review, new PhraseSieve(java.util.stream.Stream.concat(phrases.values().stream(),
                        exceptions.values().stream()).flatMap(List::stream).toList()));
    }

    /** One pattern and the file it came from. */
    record Phrase(Pattern pattern, String source) {
        String describe() {
            return "/" + pattern.pattern() + "/ (" + source + ")";
        }
    }

    /** How a date written with numbers only ("12/05") reads. */
    enum DateOrder {
        MONTH_DAY, DAY_MONTH;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static DateOrder parse(String value) {
            for (DateOrder order : values()) {
                if (order.wire().equals(value)) {
                    return order;
                }
            }
            throw new IllegalArgumentException("'" + value + "' is not a date order (expected month_day or day_month)");
        }
    }

    List<Phrase> phrases(ReplyIntent intent) {
        return phrases.getOrDefault(intent, List.of());
    }

    List<Phrase> exceptions(ReplyIntent intent) {
        return exceptions.getOrDefault(intent, List.of());
    }

    /** The date order for a locale's region ("GB" of "en-GB"), or this language's default. */
    DateOrder dateOrder(String region) {
        return region == null ? numericDates : numericDatesByRegion.getOrDefault(region, numericDates);
    }
}
