package io.parley.reply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Searches the phrases of every intent in a reply's words. Before an intent's phrases of a file run, that file's
 * exceptions of the intent hide the text they match (replaced by as many characters, spaces at its ends and '~'
 * between, so positions do not move and no phrase runs across it): "I'm not
 * unsubscribing" never reaches the opt-out phrases. The first phrase that matches decides the intent's hit, except for
 * a promise, where the earliest match of the file's phrases does (the first of several payments is the promise's
 * amount and day); for the opt-outs every match is kept, because each names its own channels.
 */
final class IntentMatcher {
    /** A phrase found: where in the reply's words (start inclusive, end exclusive) and which rule. */
    record Hit(ReplyIntent intent, String matched, int start, int end, String reason) {
    }

    /** What the phrases found: the first hit per intent, every opt-out match, and what the exceptions hid. */
    record Matches(Map<ReplyIntent, Hit> hits, List<Hit> optOuts, Map<ReplyIntent, List<String>> hidden) {
    }

    private IntentMatcher() {
    }

    static Matches match(ReplyText reply, List<LanguageRules> order) {
        Map<ReplyIntent, Hit> hits = new EnumMap<>(ReplyIntent.class);
        List<Hit> optOuts = new ArrayList<>();
        Map<ReplyIntent, List<String>> hidden = new LinkedHashMap<>();
        for (ReplyIntent intent : ReplyIntent.PRECEDENCE) {
            for (LanguageRules rules : order) {
                String visible = hide(reply.words(), rules.exceptions(intent),
                        what -> hidden.computeIfAbsent(intent, k -> new ArrayList<>()).add(what));
                for (LanguageRules.Phrase phrase : rules.phrases(intent)) {
                    Matcher m = phrase.pattern().matcher(visible);
                    while (m.find()) {
                        Hit hit = new Hit(intent, m.group().trim(), m.start(), m.end(), intent.wire() + ": '"
                                + m.group().trim() + "' matched phrase " + phrase.describe());
                        Hit before = hits.putIfAbsent(intent, hit);
                        if (intent == ReplyIntent.PROMISE_TO_PAY && before != null && hit.start() < before.start()) {
                            hits.put(intent, hit);
                        }
                        if (!intent.isOptOut()) {
                            break;
                        }
                        optOuts.add(hit);
                    }
                    if (hits.containsKey(intent) && !intent.isOptOut() && intent != ReplyIntent.PROMISE_TO_PAY) {
                        break;
                    }
                }
                if (hits.containsKey(intent) && !intent.isOptOut()) {
                    break;
                }
            }
        }
        return new Matches(hits, Collections.unmodifiableList(optOuts), hidden);
    }

    /** Text with everything the exceptions match blanked out (" ~~~ "), as long as what it replaces. */
    static String hide(String words, List<LanguageRules.Phrase> exceptions, java.util.function.Consumer<String> noted) {
        String visible = words;
        for (LanguageRules.Phrase exception : exceptions) {
            Matcher m = exception.pattern().matcher(visible);
            StringBuilder rest = new StringBuilder(visible);
            boolean any = false;
            while (m.find()) {
                if (m.end() > m.start()) {
                    noted.accept("'" + m.group() + "' by exception " + exception.describe());
                    for (int i = m.start(); i < m.end(); i++) {
                        rest.setCharAt(i, i == m.start() || i == m.end() - 1 ? ' ' : '~');
                    }
                    any = true;
                }
            }
            visible = any ? rest.toString() : visible;
        }
        return visible;
    }
}
