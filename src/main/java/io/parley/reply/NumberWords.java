package io.parley.reply;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English amounts written in words ("two hundred and fifty", "fifteen hundred", "twenty-five dollars") rewritten as
 * digits in place, padded with spaces on the left so that no position in the text moves. Only what reads as an amount
 * is rewritten: a run with hundred or thousand in it, a number from ten up, or any number followed by a currency word;
 * "one payment" and "no one" stay words.
 */
final class NumberWords {
    private static final Map<String, Integer> VALUES = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final String WORD = "(?:" + String.join("|", VALUES.keySet()) + "|hundred|thousand|grand)";
    /** Edges are ASCII, so that a run against Chinese ("three hundred过去") is still one. */
    private static final Pattern RUN = Pattern.compile("(?<![a-z0-9])(?:(?:a|one) (?=hundred|thousand|grand))?" + WORD
            + "(?:(?:[ -]|,? and )" + WORD + ")*(?![a-z0-9])");
    private static final Pattern CURRENCY = Pattern.compile("^ ?(?:dollars?|bucks|usd|pounds?|quid|euros?|yuan|rmb"
            + "|元|块)\\b");

    private NumberWords() {
    }

    /**
     * Digits with a unit word and what follows in words: "5 hundred", "2 thousand", "1.5 grand", "2 hundred fifty", and
     * the slang "3 hundy".
     */
    private static final Pattern TWO_SAID_TO = Pattern.compile("\\bto (hundred|thousand|grand)\\b");
    private static final Pattern MIXED = Pattern.compile("(?<![\\d.,])(\\d{1,3}(?:\\.\\d{1,2})?) "
            + "(hundred|hundy|hundo|thousand|grand)\\b"
            + "((?:(?:[ -]|,? and )" + WORD + ")*)\\b");

    static String digits(String text) {
        // "to hundred" said for "two hundred" (same length, so positions stay)
        text = TWO_SAID_TO.matcher(text).replaceAll("two $1");
        StringBuilder out = new StringBuilder(text);
        Matcher mixed = MIXED.matcher(text);
        while (mixed.find()) {
            long unit = mixed.group(2).startsWith("hund") ? 100 : 1000;
            long tail = mixed.group(3).isBlank() ? 0 : strict(mixed.group(3).replaceFirst("^,? and |^[ -]", ""));
            int end = tail > 0 && tail < unit ? mixed.end() : mixed.end(2);
            java.math.BigDecimal value = new java.math.BigDecimal(mixed.group(1)).multiply(java.math.BigDecimal.valueOf(unit))
                    .add(java.math.BigDecimal.valueOf(end == mixed.end() ? tail : 0)).stripTrailingZeros();
            String number = value.toPlainString();
            out.replace(mixed.start(), end, " ".repeat(end - mixed.start() - number.length()) + number);
        }
        text = out.toString();
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            String run = m.group();
            long value = value(run);
            boolean amount = run.contains("hundred") || run.contains("thousand") || run.contains("grand") || value >= 10
                    || CURRENCY.matcher(text.substring(m.end())).find();
            if (value <= 0 || !amount || run.equals("grand")) {
                continue;
            }
            String number = Long.toString(value);
            if (number.length() > run.length()) {
                continue;
            }
            String padded = " ".repeat(run.length() - number.length()) + number;
            out.replace(m.start(), m.end(), padded);
        }
        return out.toString();
    }

    /**
     * The value of a run of number words; 0 when it does not read as one number. Said the way prices are ("one fifty",
     * "twelve ninety-nine"), a number up to nineteen then one from ten to ninety-nine is hundreds and the rest.
     */
    static long value(String run) {
        long strict = strict(run);
        if (strict > 0) {
            return strict;
        }
        String[] words = run.split("[ ,-]+", 2);
        Integer hundreds = words.length == 2 ? VALUES.get(words[0]) : null;
        long rest = words.length == 2 ? strict(words[1]) : 0;
        return hundreds != null && hundreds < 20 && rest >= 10 && rest < 100 ? hundreds * 100L + rest : 0;
    }

    private static long strict(String run) {
        long total = 0;
        long current = 0;
        for (String word : run.split("[ ,-]+")) {
            switch (word) {
                case "and", "" -> {
                }
                case "a" -> current = Math.max(current, 1);
                case "hundred" -> current = (current == 0 ? 1 : current) * 100;
                case "thousand", "grand" -> {
                    total += (current == 0 ? 1 : current) * 1000;
                    current = 0;
                }
                default -> {
                    Integer v = VALUES.get(word);
                    if (v == null) {
                        return 0;
                    }
                    long low = current % 100;
                    if (low == 0 || low >= 20 && low % 10 == 0 && v < 10) {
                        current += v;
                    } else {
                        return 0;
                    }
                }
            }
        }
        return total + current;
    }
}
