package io.parley.reply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
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
 *
 * <p>Running every pattern of every file is what a reply costs, so each file's {@link PhraseSieve} first says, from one
 * pass over the text, which patterns cannot match it (they lack every text they need), and those are not run. Only
 * patterns that would find nothing are skipped, so the hits, their order and what is hidden are the same.
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
        // The words are scanned once per file; only text an exception hid is scanned again.
        Map<LanguageRules, PhraseSieve.Scan> scans = new IdentityHashMap<>();
        for (ReplyIntent intent : ReplyIntent.PRECEDENCE) {
            for (LanguageRules rules : order) {
                PhraseSieve.Scan words = scans.computeIfAbsent(rules, r -> r.sieve().scan(reply.words()));
                String visible = hide(reply.words(), words, rules, rules.exceptions(intent),
                        what -> hidden.computeIfAbsent(intent, k -> new ArrayList<>()).add(what));
                PhraseSieve.Scan scan = visible.equals(reply.words()) ? words : rules.sieve().scan(visible);
                for (LanguageRules.Phrase phrase : rules.phrases(intent)) {
                    if (!scan.mayMatch(phrase)) {
                        continue;
                    }
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

    /**
     * Text with everything the exceptions match blanked out (" ~~~ "), as long as what it replaces. An exception the
     * scan of the current text rules out is not run; once one has hidden something, the rest see a new scan.
     */
    static String hide(String words, PhraseSieve.Scan scanned, LanguageRules rules,
                       List<LanguageRules.Phrase> exceptions, java.util.function.Consumer<String> noted) {
        String visible = words;
        PhraseSieve.Scan scan = scanned;
        for (LanguageRules.Phrase exception : exceptions) {
            if (!scan.mayMatch(exception)) {
                continue;
            }
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
            if (any) {
                visible = rest.toString();
                scan = rules.sieve().scan(visible);
            }
        }
        return visible;
    }
}
