package io.parley.reply;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.parley.domain.Channel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates one reply rules file. Strict: unknown fields, unknown intents, empty lists, keywords that can
 * never equal a normalised reply, keywords listed twice, patterns that do not compile or match empty text are all
 * errors, each naming the file and the field path, and all of a file's errors are reported together.
 */
final class ReplyRulesParser {
    static final List<String> FIELDS = List.of("language", "description", "numericDates", "numericDatesByRegion",
            "keywords", "courtesy", "phrases", "exceptions", "channels", "review");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}|\\d{3}");
    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    LanguageRules parse(String source, String text) {
        List<String> errors = new ArrayList<>();
        Object tree;
        try (JsonParser parser = yaml.createParser(text)) {
            tree = parser.nextToken() == null ? null : yaml.readValue(parser, ANY);
        } catch (IOException e) {
            throw new ReplyRulesException(source, List.of(source + ": " + describe(e)));
        }
        if (!(tree instanceof Map<?, ?> root)) {
            throw new ReplyRulesException(source, List.of(source + ": must be a mapping with fields "
                    + String.join(", ", FIELDS) + ", not " + describe(tree)));
        }
        Report report = (field, message) -> errors.add(source + ": field '" + field + "': " + message);
        for (Object key : root.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                report.at(String.valueOf(key), "unknown field (expected one of " + String.join(", ", FIELDS) + ")");
            }
        }
        String language = null;
        Object languageValue = root.get("language");
        if (languageValue == null) {
            report.at("language", "is required (an ISO 639 language code such as en or zh)");
        } else if (!(languageValue instanceof String s) || !LANGUAGE.matcher(s).matches()) {
            report.at("language", describe(languageValue) + " is not a lower-case ISO 639 language code (e.g. en, zh)");
        } else {
            language = s;
        }
        Object description = root.get("description");
        if (description != null && !(description instanceof String)) {
            report.at("description", "must be a string, not " + describe(description));
        }
        LanguageRules.DateOrder order = LanguageRules.DateOrder.MONTH_DAY;
        Object orderValue = root.get("numericDates");
        if (orderValue == null) {
            report.at("numericDates", "is required (month_day or day_month: how a reply such as 12/05 reads)");
        } else {
            order = dateOrder(orderValue, "numericDates", report);
        }
        Map<String, LanguageRules.DateOrder> byRegion = new TreeMap<>();
        Object regions = root.get("numericDatesByRegion");
        if (regions != null) {
            if (!(regions instanceof Map<?, ?> map)) {
                report.at("numericDatesByRegion", "must be a mapping of region (GB) to date order, not "
                        + describe(regions));
            } else {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String region = String.valueOf(entry.getKey());
                    String path = "numericDatesByRegion." + region;
                    if (!REGION.matcher(region).matches()) {
                        report.at(path, "'" + region + "' is not an upper-case region code (e.g. GB, US)");
                    }
                    byRegion.put(region, dateOrder(entry.getValue(), path, report));
                }
            }
        }
        Map<String, ReplyIntent> keywords = keywords(root.get("keywords"), report);
        Map<ReplyIntent, List<LanguageRules.Phrase>> phrases = patterns(source, root.get("phrases"), "phrases", report);
        Map<ReplyIntent, List<LanguageRules.Phrase>> exceptions =
                patterns(source, root.get("exceptions"), "exceptions", report);
        for (ReplyIntent intent : exceptions.keySet()) {
            if (!phrases.containsKey(intent)) {
                report.at("exceptions." + intent.wire(), "this file has no phrases for " + intent.wire()
                        + "; exceptions only hide text from the phrases of the same intent");
            }
        }
        Map<Channel, List<LanguageRules.Phrase>> channels = channels(source, root.get("channels"), report);
        List<String> courtesy = courtesy(root.get("courtesy"), report);
        List<LanguageRules.Phrase> review = root.get("review") == null ? List.of()
                : patternList(source, root.get("review"), "review", report);
        if (errors.isEmpty() && keywords.isEmpty() && phrases.isEmpty()) {
            errors.add(source + ": has neither keywords nor phrases");
        }
        if (!errors.isEmpty()) {
            throw new ReplyRulesException(source, errors);
        }
        return new LanguageRules(language, source, order, Collections.unmodifiableMap(byRegion),
                Collections.unmodifiableMap(keywords), Collections.unmodifiableMap(phrases),
                Collections.unmodifiableMap(exceptions), Collections.unmodifiableMap(channels), courtesy, review);
    }

    @FunctionalInterface
    interface Report {
        void at(String field, String message);
    }

    private static LanguageRules.DateOrder dateOrder(Object value, String path, Report report) {
        try {
            if (value instanceof String s) {
                return LanguageRules.DateOrder.parse(s);
            }
            throw new IllegalArgumentException("must be month_day or day_month, not " + describe(value));
        } catch (IllegalArgumentException e) {
            report.at(path, e.getMessage());
            return LanguageRules.DateOrder.MONTH_DAY;
        }
    }

    private static Map<String, ReplyIntent> keywords(Object value, Report report) {
        Map<String, ReplyIntent> keywords = new LinkedHashMap<>();
        forEachIntent(value, "keywords", report, (intent, path, list) -> {
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                String itemPath = path + "[" + i + "]";
                if (!(item instanceof String s) || s.isBlank()) {
                    report.at(itemPath, "must be a non-empty string, not " + describe(item));
                    continue;
                }
                String normal = ReplyText.normal(s);
                if (!ReplyText.keyword(normal).equals(normal)) {
                    report.at(itemPath, "'" + s + "' starts or ends with punctuation or symbols, which are stripped"
                            + " from replies before keywords are compared; write '" + ReplyText.keyword(normal) + "'");
                    continue;
                }
                ReplyIntent before = keywords.putIfAbsent(normal, intent);
                if (before != null) {
                    report.at(itemPath, "'" + s + "' is already a keyword of " + before.wire()
                            + " (keywords compare in lower case after NFKC)");
                }
            }
        });
        return keywords;
    }

    private static Map<ReplyIntent, List<LanguageRules.Phrase>> patterns(String source, Object value, String field,
                                                                        Report report) {
        Map<ReplyIntent, List<LanguageRules.Phrase>> patterns = new EnumMap<>(ReplyIntent.class);
        forEachIntent(value, field, report, (intent, path, list) -> patterns.put(intent,
                patternList(source, list, path, report)));
        return patterns;
    }

    /** The words that name each channel: a mapping of channel name to patterns. */
    private static Map<Channel, List<LanguageRules.Phrase>> channels(String source, Object value, Report report) {
        Map<Channel, List<LanguageRules.Phrase>> channels = new LinkedHashMap<>();
        if (value == null) {
            return channels;
        }
        if (!(value instanceof Map<?, ?> map)) {
            report.at("channels", "must be a mapping of channel (sms, email...) to a list of patterns, not "
                    + describe(value));
            return channels;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String path = "channels." + entry.getKey();
            try {
                channels.put(Channel.of(String.valueOf(entry.getKey())),
                        patternList(source, entry.getValue(), path, report));
            } catch (IllegalArgumentException e) {
                report.at(path, e.getMessage());
            }
        }
        return channels;
    }

    private static List<String> courtesy(Object value, Report report) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            report.at("courtesy", "must be a non-empty list of words, not " + describe(value));
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || ReplyText.keyword(ReplyText.normal(s)).isEmpty()) {
                report.at("courtesy[" + i + "]", "must be a word, not " + describe(list.get(i)));
            } else {
                words.add(ReplyText.keyword(ReplyText.normal(s)));
            }
        }
        return List.copyOf(words);
    }

    private static List<LanguageRules.Phrase> patternList(String source, Object value, String path, Report report) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            report.at(path, "must be a non-empty list, not " + describe(value));
            return List.of();
        }
        List<LanguageRules.Phrase> compiled = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String itemPath = path + "[" + i + "]";
            if (!(item instanceof String s) || s.isBlank()) {
                report.at(itemPath, "must be a non-empty regular expression, not " + describe(item));
                continue;
            }
            try {
                Pattern pattern = Pattern.compile(s, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                if (pattern.matcher("").find()) {
                    report.at(itemPath, "/" + s + "/ matches empty text, so it would match every reply");
                    continue;
                }
                compiled.add(new LanguageRules.Phrase(pattern, source + " " + itemPath));
            } catch (PatternSyntaxException e) {
                report.at(itemPath, "/" + s + "/ is not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        }
        return List.copyOf(compiled);
    }

    @FunctionalInterface
    private interface IntentList {
        void accept(ReplyIntent intent, String path, List<?> items);
    }

    private static void forEachIntent(Object value, String field, Report report, IntentList action) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            report.at(field, "must be a mapping of intent to a list, not " + describe(value));
            return;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String path = field + "." + entry.getKey();
            ReplyIntent intent;
            try {
                intent = ReplyIntent.parse(String.valueOf(entry.getKey()));
            } catch (IllegalArgumentException e) {
                report.at(path, e.getMessage());
                continue;
            }
            if (intent == ReplyIntent.OTHER) {
                report.at(path, "other is what matches nothing; it takes no rules");
                continue;
            }
            if (!(entry.getValue() instanceof List<?> list) || list.isEmpty()) {
                report.at(path, "must be a non-empty list, not " + describe(entry.getValue()));
                continue;
            }
            action.accept(intent, path, list);
        }
    }

    static String describe(Object value) {
        return io.parley.files.PlainTree.describe(value);
    }

    private static String describe(IOException e) {
        return io.parley.files.YamlSyntax.describe(e);
    }
}
