package io.parley.reply;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Says what a debtor's reply (an SMS, an email body without quoted text, an IVR transcript) means. Immutable and
 * thread-safe; time comes only from the arrival instant it is given.
 *
 * <p>How a reply is read:
 * <ol>
 *   <li>The reply is normalised: NFKC (full-width to half-width), lower case, whitespace collapsed.</li>
 *   <li>Whole-reply keywords: the reply without leading and trailing punctuation, symbols and emoji is compared with
 *       every file's {@code keywords}. "Stop.", "ＳＴＯＰ", " stop! " and "退订。" are the opt_out keyword; "stop
 *       calling" is not a keyword (it may still be a phrase). A keyword decides the intent on its own.</li>
 *   <li>Phrases: for every intent, each file's {@code exceptions} of that intent hide the text they match (so "don't
 *       stop" cannot feed "stop ..."), then the file's {@code phrases} of that intent are searched in what is left,
 *       in the reply's words (punctuation and emoji turned into spaces).</li>
 *   <li>When several intents match, {@link ReplyIntent#PRECEDENCE} decides: opt_out_all, opt_out, attorney,
 *       bankruptcy, dispute, wrong_number, paid, promise_to_pay, callback_request, hardship, opt_in, help. Opt-outs
 *       first: a request to stop contact must be honoured whatever else the reply says.
 *       Then the intents that oblige the collector to stop or redirect collection (represented, bankrupt, disputed,
 *       not the debtor), then the facts about payment (paid before promised: a payment claim must be checked before
 *       a promise is booked), then requests (a callback), then circumstances (hardship, which should not hide a
 *       concrete promise or request made in the same reply), then help. The intents that lost are listed in the
 *       reasons, so operators see "lost my job ... can pay 50 friday" was also a hardship reply.</li>
 *   <li>For promise_to_pay, the amount and date are extracted ({@link AmountFinder}, {@link DateFinder}); relative
 *       days resolve from the arrival day in the debtor's zone.</li>
 * </ol>
 * Every file's rules apply to every reply (a debtor with a Chinese locale may answer STOP); the locale's language is
 * tried first and decides how numeric dates such as 12/05 read (its file's {@code numericDates}, by region).
 */
public final class ReplyClassifier {
    private static final Logger log = LoggerFactory.getLogger(ReplyClassifier.class);

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;。！？；\\n]+");

    private final List<LanguageRules> languages;

    ReplyClassifier(List<LanguageRules> languages) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("no reply rules");
        }
        this.languages = List.copyOf(languages);
    }

    /**
     * Loads every *.yaml and *.yml file of a directory (not its subdirectories), one language per file. All errors of
     * all files, a language defined twice and a keyword in two files, are reported together in one exception.
     */
    public static ReplyClassifier load(Path dir) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(ReplyClassifier::isRulesFile).sorted().toList();
        } catch (IOException e) {
            throw new ReplyRulesException(dir.toString(), List.of(dir + ": cannot list reply rules files: " + e));
        }
        List<String> errors = new ArrayList<>();
        if (files.isEmpty()) {
            errors.add(dir + ": has no reply rules files (*.yaml)");
        }
        ReplyRulesParser parser = new ReplyRulesParser();
        List<LanguageRules> loaded = new ArrayList<>();
        Map<String, String> languageSource = new LinkedHashMap<>();
        Map<String, String> keywordSource = new LinkedHashMap<>();
        for (Path file : files) {
            String source = file.toString();
            try {
                LanguageRules rules = parser.parse(source, Files.readString(file, StandardCharsets.UTF_8));
                String before = languageSource.putIfAbsent(rules.language(), source);
                if (before != null) {
                    errors.add(source + ": field 'language': '" + rules.language() + "' is also defined in " + before);
                    continue;
                }
                for (String keyword : rules.keywords().keySet()) {
                    String other = keywordSource.putIfAbsent(keyword, source);
                    if (other != null) {
                        errors.add(source + ": field 'keywords." + rules.keywords().get(keyword).wire() + "': '"
                                + keyword + "' is also a keyword in " + other);
                    }
                }
                loaded.add(rules);
            } catch (ReplyRulesException e) {
                errors.addAll(e.getErrors());
            } catch (IOException e) {
                errors.add(source + ": cannot be read: " + e);
            }
        }
        if (!errors.isEmpty()) {
            throw new ReplyRulesException(dir.toString(), errors);
        }
        log.info("Loaded reply rules from {}: languages {}", dir, languageSource.keySet());
        return new ReplyClassifier(loaded);
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
        ReplyText reply = ReplyText.of(text);
        Locale loc = locale == null || locale.isBlank() ? Locale.ROOT
                : Locale.forLanguageTag(locale.trim().replace('_', '-'));
        List<LanguageRules> order = inOrder(loc.getLanguage());
        List<String> reasons = new ArrayList<>();
        if (reply.isBlank()) {
            reasons.add("the reply has no letters or digits");
            return new Classification(ReplyIntent.OTHER, Optional.empty(), reasons, "");
        }
        for (LanguageRules rules : order) {
            ReplyIntent intent = rules.keywords().get(reply.keyword());
            if (intent != null) {
                reasons.add(intent.wire() + ": the whole reply is the keyword '" + reply.keyword() + "' ("
                        + rules.source() + " keywords." + intent.wire() + ")");
                return result(intent, reply.keyword(), reply, reasons, order, loc, zone, arrivedAt);
            }
        }
        Map<ReplyIntent, String> hits = new LinkedHashMap<>();
        Map<ReplyIntent, String> hitReasons = new EnumMap<>(ReplyIntent.class);
        Map<ReplyIntent, List<String>> hidden = new LinkedHashMap<>();
        for (ReplyIntent intent : ReplyIntent.PRECEDENCE) {
            for (LanguageRules rules : order) {
                String visible = reply.words();
                for (LanguageRules.Phrase exception : rules.exceptions(intent)) {
                    Matcher m = exception.pattern().matcher(visible);
                    StringBuilder rest = new StringBuilder();
                    while (m.find()) {
                        hidden.computeIfAbsent(intent, k -> new ArrayList<>())
                                .add("'" + m.group() + "' by exception " + exception.describe());
                        m.appendReplacement(rest, " ~ ");
                    }
                    m.appendTail(rest);
                    visible = rest.toString();
                }
                for (LanguageRules.Phrase phrase : rules.phrases(intent)) {
                    Matcher m = phrase.pattern().matcher(visible);
                    if (m.find()) {
                        hits.put(intent, m.group().trim());
                        hitReasons.put(intent, intent.wire() + ": '" + m.group().trim() + "' matched phrase "
                                + phrase.describe());
                        break;
                    }
                }
                if (hits.containsKey(intent)) {
                    break;
                }
            }
        }
        if (!hits.containsKey(ReplyIntent.OPT_OUT_ALL) && !hits.containsKey(ReplyIntent.OPT_OUT)) {
            sentenceKeyword(reply, order).ifPresent(hit -> {
                hits.put(hit.intent(), hit.matched());
                hitReasons.put(hit.intent(), hit.reason());
            });
        }
        if (hits.isEmpty()) {
            reasons.add("other: no keyword or phrase matched");
            hidden.forEach((intent, what) -> reasons.add("not " + intent.wire() + ": hidden " + String.join(", ", what)));
            return new Classification(ReplyIntent.OTHER, Optional.empty(), reasons, "");
        }
        ReplyIntent winner = ReplyIntent.PRECEDENCE.stream().filter(hits::containsKey).findFirst().orElseThrow();
        reasons.add(hitReasons.get(winner));
        hits.forEach((intent, matched) -> {
            if (intent != winner) {
                reasons.add("also matched " + intent.wire() + " ('" + matched + "'), which yields to " + winner.wire());
            }
        });
        hidden.forEach((intent, what) -> {
            if (ReplyIntent.PRECEDENCE.indexOf(intent) <= ReplyIntent.PRECEDENCE.indexOf(winner) || intent.isOptOut()) {
                reasons.add("for " + intent.wire() + ", hidden " + String.join(", ", what));
            }
        });
        return result(winner, hits.get(winner), reply, reasons, order, loc, zone, arrivedAt);
    }

    private Classification result(ReplyIntent intent, String matched, ReplyText reply, List<String> reasons,
                                  List<LanguageRules> order, Locale locale, ZoneId zone, Instant arrivedAt) {
        if (intent != ReplyIntent.PROMISE_TO_PAY) {
            return new Classification(intent, Optional.empty(), reasons, matched);
        }
        LocalDate today = LocalDate.ofInstant(arrivedAt, zone);
        LanguageRules.DateOrder dateOrder = order.get(0).language().equals(locale.getLanguage())
                ? order.get(0).dateOrder(locale.getCountry().isEmpty() ? null : locale.getCountry())
                : LanguageRules.DateOrder.MONTH_DAY;
        List<DateFinder.Found> dates = DateFinder.findAll(reply.normal(), new DateFinder.Context(today, dateOrder));
        AmountFinder.Span anchor = locate(reply.normal(), matched);
        String arrival = "arrived " + arrivedAt + ", " + today + " (" + today.getDayOfWeek().getDisplayName(
                TextStyle.FULL, Locale.ENGLISH) + ") in " + zone.getId();
        Optional<DateFinder.Found> day = DateFinder.nearest(dates, anchor);
        LocalDate date = day.map(DateFinder.Found::date).orElse(null);
        String dateText = day.map(d -> d.text().trim()).orElse("");
        if (day.isEmpty()) {
            reasons.add("promise date: none named");
        } else {
            reasons.add("promise date: '" + dateText + "' is " + date + ", " + day.get().how() + " (" + arrival + ")");
            if (dates.size() > 1) {
                reasons.add("promise date: of the days named (" + String.join(", ", AmountFinder.describe(dates))
                        + "), the one nearest '" + matched + "' was taken");
            }
        }
        Optional<AmountFinder.Found> amount = AmountFinder.find(AmountFinder.hide(reply.normal(), dates), anchor);
        if (amount.isEmpty()) {
            reasons.add("promise amount: none named");
        } else {
            AmountFinder.Found a = amount.get();
            reasons.add("promise amount: '" + a.text() + "' is " + (a.amount() != null ? a.amount().toPlainString()
                    : a.fraction().toPlainString() + " of the balance") + " (" + a.how() + ")");
        }
        PromiseToPay promise = new PromiseToPay(amount.map(AmountFinder.Found::amount).orElse(null),
                amount.map(AmountFinder.Found::fraction).orElse(null), date,
                amount.map(AmountFinder.Found::text).orElse(""), dateText);
        return new Classification(intent, Optional.of(promise), reasons, matched);
    }

    private record Hit(ReplyIntent intent, String matched, String reason) {
    }

    /**
     * A sentence of a longer reply that is on its own an opt-out keyword ("Nope. Stop.", "Stop. Wrong time"). Only
     * opt-out keywords count this way: a sentence "Help." or "Start." in a longer reply means too many things.
     */
    private static Optional<Hit> sentenceKeyword(ReplyText reply, List<LanguageRules> order) {
        for (String sentence : SENTENCE_END.split(reply.normal())) {
            String keyword = ReplyText.keyword(sentence);
            for (LanguageRules rules : order) {
                ReplyIntent intent = rules.keywords().get(keyword);
                if (intent != null && intent.isOptOut()) {
                    return Optional.of(new Hit(intent, keyword, intent.wire() + ": the sentence '" + keyword
                            + "' is a keyword (" + rules.source() + " keywords." + intent.wire() + ")"));
                }
            }
        }
        return Optional.empty();
    }

    /** Where the words that decided the intent are in the normalised reply (punctuation may separate them there). */
    private static AmountFinder.Span locate(String normal, String matched) {
        String[] words = matched.trim().split(" ");
        StringBuilder regex = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && !word.equals("~")) {
                regex.append(regex.length() == 0 ? "" : "[^\\p{L}\\p{N}']+").append(Pattern.quote(word));
            }
        }
        if (regex.length() == 0) {
            return null;
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(normal);
        return m.find() ? new AmountFinder.Span(m.start(), m.end()) : null;
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

    private static boolean isRulesFile(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
