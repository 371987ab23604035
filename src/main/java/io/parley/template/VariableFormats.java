package io.parley.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** How case values read in a message's locale: amounts with their currency, dates, first names, contract tails. */
final class VariableFormats {

    private static final Set<Character.UnicodeScript> WHOLE_NAME_SCRIPTS = Set.of(
            Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
            Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL);

    private static final int CONTRACT_TAIL_LENGTH = 4;
    /** Currency formats by locale and currency (a few pairs: the templates' locales times the accounts' currencies). */
    private static final Map<List<Object>, NumberFormat> CURRENCY_FORMATS = new ConcurrentHashMap<>();

    private VariableFormats() {
    }

    /** The amount with its currency as the locale writes it ("$1,234.50", "CN¥1,234.50", "¥1,234.50"). */
    static String amount(BigDecimal amount, Currency currency, Locale locale) {
        // a format is costly to build and not thread-safe: one is built per locale and currency, and copied for use
        NumberFormat prototype = CURRENCY_FORMATS.computeIfAbsent(List.of(locale, currency), k -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(currency);
            int digits = currency.getDefaultFractionDigits();
            if (digits >= 0) {
                format.setMinimumFractionDigits(digits);
                format.setMaximumFractionDigits(digits);
            }
            format.setRoundingMode(RoundingMode.HALF_UP);
            return format;
        });
        return ((NumberFormat) prototype.clone()).format(amount);
    }

    /** The date in the locale's long form ("November 30, 2026", "2026年11月30日"). */
    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    /** The first token of the name; the whole name when it is written in Chinese, Japanese or Korean script. */
    static String firstName(String name) {
        String trimmed = name.strip();
        boolean wholeName = trimmed.codePoints()
                .anyMatch(cp -> WHOLE_NAME_SCRIPTS.contains(Character.UnicodeScript.of(cp)));
        if (wholeName || trimmed.isEmpty()) {
            return trimmed;
        }
        return trimmed.split("\\s+", 2)[0];
    }

    /** The last four characters of a contract number (all of it when shorter). */
    static String contractTail(String contractNo) {
        String trimmed = contractNo.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length <= CONTRACT_TAIL_LENGTH) {
            return trimmed;
        }
        return trimmed.substring(trimmed.offsetByCodePoints(0, length - CONTRACT_TAIL_LENGTH));
    }
}
