package io.parley.reply;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days of the month written as ordinal words ("the first of July", "by the twenty-fifth", "the third of next month")
 * rewritten as digits in place ("1st", "25th"), padded with spaces on the right so that no position in the text moves.
 * Only where the word reads as a day: before "of" and a month, or after "on the", "by the", "before the", "until the";
 * "the first payment" and "first I need" stay words.
 */
final class OrdinalWords {
    private static final List<String> UNITS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth");
    private static final List<String> TEENS = List.of("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
            "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth");
    /** Slips of the voice and the keyboard for an ordinal: "on the fist", "on the forth". */
    private static final String SLIPS = "fist|forth";
    private static final String WORD = SLIPS + "|(?:(?:twenty|thirty)[- ]?)?(?:" + String.join("|", UNITS) + ")|"
            + String.join("|", TEENS) + "|twentieth|thirtieth";
    private static final Pattern DAY = Pattern.compile("(?<=\\b(?:on|by|before|until|till|from|after) the )(" + WORD
            + ")\\b|\\b(" + WORD + ")(?= of (?:" + DateFinder.MONTH_EN + "|next month|the next month|this month"
            + "|the month|the following month)\\b)");

    private OrdinalWords() {
    }

    static String digits(String text) {
        Matcher m = DAY.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            int day = value(m.group());
            if (day < 1 || day > 31) {
                continue;
            }
            String digits = day + suffix(day);
            out.replace(m.start(), m.end(), digits + " ".repeat(m.group().length() - digits.length()));
        }
        return out.toString();
    }

    private static int value(String word) {
        if (word.equals("fist")) {
            return 1;
        } else if (word.equals("forth")) {
            return 4;
        }
        int tens = word.startsWith("twenty") ? 20 : word.startsWith("thirty") ? 30 : 0;
        String rest = tens == 0 ? word : word.substring(6).replaceFirst("^[- ]", "");
        if (rest.equals("tieth") || word.equals("twentieth") || word.equals("thirtieth")) {
            return word.startsWith("twenty") ? 20 : 30;
        }
        int unit = UNITS.indexOf(rest);
        if (unit >= 0) {
            return tens + unit + 1;
        }
        int teen = TEENS.indexOf(rest);
        return teen >= 0 && tens == 0 ? 10 + teen : -1;
    }

    private static String suffix(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
