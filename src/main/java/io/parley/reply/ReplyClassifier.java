package io.parley.reply;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Says what a debtor's reply (an SMS, an email body without quoted text, a WeChat message, an IVR transcript) means.
 * Immutable and thread-safe; time comes only from the arrival instant it is given. Deterministic: every decision
 * names the rule (file and entry) that made it.
 *
 * <p>How a reply is read:
 * <ol>
 *   <li>Normalised ({@link ReplyText}): NFKC, lower case, Chinese financial numerals and traditional characters
 *       folded, WeChat emoji codes removed, whitespace collapsed.</li>
 *   <li>Whole-reply keywords ({@link KeywordReader}): the reply without surrounding punctuation and emoji, or without
 *       courtesy words, or said twice, is a keyword: "Stop.", "ＳＴＯＰ", "T。", "退订，谢谢". A keyword decides
 *       alone; an opt-out keyword stops the channel the reply came on.</li>
 *   <li>Phrases ({@link IntentMatcher}): each intent's phrases, after its exceptions hid negations and look-alikes
 *       ("I'm not unsubscribing", "my employer went bankrupt"). A sentence that is an opt-out keyword counts too.</li>
 *   <li>The scope of a sentence opt-out ({@link ScopeReader}) is the channels its clauses name; naming calls, texts
 *       and emails together is a cease (opt_out_all).</li>
 *   <li>The intent with the strongest legal consequence is primary ({@link ReplyIntent#PRECEDENCE}), the next one
 *       secondary; both are acted on, and an opt-out takes effect wherever it ranks.</li>
 *   <li>A promise (primary or secondary) has its amount and date read ({@link PromiseReader}).</li>
 *   <li>Nothing recognised is OTHER; when the reply looks like it might mean more (a review pattern, an opt-out word
 *       hidden by an exception) the reason says so and the reply is flagged for a person, never guessed.</li>
 * </ol>
 * Every file's rules apply to every reply (a debtor with a Chinese locale may answer STOP); the locale's language is
 * tried first and decides how numeric dates such as 12/05 read.
 */
public final class ReplyClassifier {
    private final List<LanguageRules> languages;

    ReplyClassifier(List<LanguageRules> languages) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("no reply rules");
        }
        this.languages = List.copyOf(languages);
    }

    /** Loads the rules of a directory ({@link ReplyRulesLoader}); every error of every file in one exception. */
    public static ReplyClassifier load(Path dir) {
        return new ReplyClassifier(ReplyRulesLoader.load(dir));
    }

    /** The languages that have rules, in file order. */
    public List<String> languages() {
        return languages.stream().map(LanguageRules::language).toList();
    }

    /**
     * Classifies one reply. locale is a language tag ("en-US", "en_GB", "zh-CN"; null or blank for none); zone is the
     * debtor's zone, where relative days ("tomorrow", "下周五") are counted from the day arrivedAt falls on.
     */
    public Classification classify(String text, String locale, ZoneId zone, Instant arrivedAt) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        QuotedText.Own own = QuotedText.of(text);
        Classification c = classifyOwn(own.text(), locale, zone, arrivedAt);
        return own.quotedLines() == 0 ? c : c.withReason("quoted text set aside: " + own.quotedLines()
                + " line(s) of a message quoted in the reply were not read");
    }

    private Classification classifyOwn(String text, String locale, ZoneId zone, Instant arrivedAt) {
        ReplyText reply = ReplyText.of(text);
        Locale loc = locale == null || locale.isBlank() ? Locale.ROOT
                : Locale.forLanguageTag(locale.trim().replace('_', '-'));
        List<LanguageRules> order = inOrder(loc.getLanguage());
        List<String> reasons = new ArrayList<>();
        if (reply.isBlank()) {
            reasons.add("other: the reply has no letters or digits");
            return Classification.single(ReplyIntent.OTHER, Optional.empty(), reasons, "");
        }
        Optional<KeywordReader.Found> keyword = KeywordReader.whole(reply, order);
        if (keyword.isPresent()) {
            ReplyIntent intent = keyword.get().intent();
            reasons.add(keyword.get().reason());
            Optional<OptOutScope> scope = Optional.empty();
            if (intent.isOptOut()) {
                scope = Optional.of(intent == ReplyIntent.OPT_OUT_ALL ? OptOutScope.ALL : OptOutScope.REPLY_CHANNEL);
                reasons.add("opt-out scope: " + scope.get().describe() + " (a keyword names no channel)");
            }
            return Classification.single(intent, scope, reasons, keyword.get().keyword());
        }
        IntentMatcher.Matches matches = IntentMatcher.match(reply, order);
        Map<ReplyIntent, IntentMatcher.Hit> hits = new EnumMap<>(matches.hits());
        Optional<OptOutScope> scope = scope(reply, order, matches, hits, reasons);
        if (hits.isEmpty()) {
            reasons.add("other: no keyword or phrase matched");
            matches.hidden().forEach((intent, what) -> reasons.add("not " + intent.wire() + ": hidden "
                    + String.join(", ", what)));
            Optional<String> review = ReviewReader.review(reply, order, matches.hidden());
            review.ifPresent(r -> reasons.add("for a person: " + r));
            return new Classification(ReplyIntent.OTHER, Optional.empty(), Optional.empty(), Optional.empty(),
                    reasons, "", review);
        }
        List<ReplyIntent> ranked = ReplyIntent.PRECEDENCE.stream().filter(hits::containsKey).toList();
        ReplyIntent winner = ranked.get(0);
        Optional<ReplyIntent> secondary = ranked.stream().skip(1)
                .filter(i -> !(winner == ReplyIntent.OPT_OUT_ALL && i == ReplyIntent.OPT_OUT)).findFirst();
        List<String> result = new ArrayList<>();
        result.add(hits.get(winner).reason());
        secondary.ifPresent(s -> result.add("secondary " + hits.get(s).reason()));
        ranked.stream().filter(i -> i != winner && secondary.filter(i::equals).isEmpty()).forEach(i ->
                result.add("also matched " + i.wire() + " ('" + hits.get(i).matched() + "'), which yields to "
                        + winner.wire()));
        result.addAll(reasons);
        matches.hidden().forEach((intent, what) -> {
            if (ranked.contains(intent) || intent.isOptOut()
                    || ReplyIntent.PRECEDENCE.indexOf(intent) < ReplyIntent.PRECEDENCE.indexOf(winner)) {
                result.add("for " + intent.wire() + ", hidden " + String.join(", ", what));
            }
        });
        Optional<PromiseToPay> promise = Optional.empty();
        if (hits.containsKey(ReplyIntent.PROMISE_TO_PAY)
                && (winner == ReplyIntent.PROMISE_TO_PAY || secondary.filter(ReplyIntent.PROMISE_TO_PAY::equals).isPresent())) {
            promise = Optional.of(PromiseReader.read(reply, hits.get(ReplyIntent.PROMISE_TO_PAY), order, loc, zone,
                    arrivedAt, result));
        }
        return new Classification(winner, secondary, scope, promise, result, hits.get(winner).matched(),
                Optional.empty());
    }

    /**
     * The scope of an opt-out found by phrases or by a sentence keyword, if any; a sentence opt-out that names calls,
     * texts and emails together becomes opt_out_all.
     */
    private static Optional<OptOutScope> scope(ReplyText reply, List<LanguageRules> order,
                                               IntentMatcher.Matches matches, Map<ReplyIntent, IntentMatcher.Hit> hits,
                                               List<String> reasons) {
        if (hits.containsKey(ReplyIntent.OPT_OUT_ALL)) {
            reasons.add("opt-out scope: all (a request to stop all contact)");
            return Optional.of(OptOutScope.ALL);
        }
        if (!hits.containsKey(ReplyIntent.OPT_OUT)) {
            Optional<KeywordReader.Found> sentence = KeywordReader.sentence(reply, order);
            if (sentence.isEmpty()) {
                return Optional.empty();
            }
            KeywordReader.Found found = sentence.get();
            hits.put(found.intent(), new IntentMatcher.Hit(found.intent(), found.keyword(), 0, 0, found.reason()));
            OptOutScope scope = found.intent() == ReplyIntent.OPT_OUT_ALL ? OptOutScope.ALL : OptOutScope.REPLY_CHANNEL;
            reasons.add("opt-out scope: " + scope.describe() + " (a keyword names no channel)");
            return Optional.of(scope);
        }
        ScopeReader.Scope scope = ScopeReader.read(reply, matches.optOuts(), order);
        reasons.add(scope.reason());
        if (scope.everyWay()) {
            IntentMatcher.Hit hit = hits.remove(ReplyIntent.OPT_OUT);
            hits.put(ReplyIntent.OPT_OUT_ALL, new IntentMatcher.Hit(ReplyIntent.OPT_OUT_ALL, hit.matched(), hit.start(),
                    hit.end(), "opt_out_all: calls, texts and emails are all named (" + hit.reason() + ")"));
            return Optional.of(OptOutScope.ALL);
        }
        return Optional.of(OptOutScope.of(scope.named()));
    }

    private List<LanguageRules> inOrder(String language) {
        List<LanguageRules> order = new ArrayList<>();
        for (LanguageRules rules : languages) {
            if (rules.language().equals(language)) {
                order.add(rules);
            }
        }
        for (LanguageRules rules : languages) {
            if (!rules.language().equals(language)) {
                order.add(rules);
            }
        }
        return order;
    }
}
