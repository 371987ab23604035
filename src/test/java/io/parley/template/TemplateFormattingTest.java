package io.parley.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateFormattingTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            en    | USD | 1234.50  | $1,234.50
            en    | USD | 1234.5   | $1,234.50
            en    | USD | 0.005    | $0.01
            en    | CNY | 1234.50  | CN¥1,234.50
            zh-CN | CNY | 1234.50  | ¥1,234.50
            zh-CN | USD | 99       | US$99.00
            en    | JPY | 123456   | ¥123,456
            en    | JPY | 1234.50  | ¥1,235
            en    | EUR | 1000000  | €1,000,000.00
            en-GB | GBP | 12.3     | £12.30
            en    | BHD | 1.5      | BHD1.500
            """)
    void amountIsFormattedWithItsCurrencyForTheLocale(String locale, String currency, String amount, String expected) {
        String actual = VariableFormats.amount(new BigDecimal(amount), Currency.getInstance(currency),
                Locale.forLanguageTag(locale));
        assertEquals(expected, actual.replace('\u00A0', ' '));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en    | 2026-11-30 | November 30, 2026
            en    | 2027-01-05 | January 5, 2027
            zh-CN | 2026-11-30 | 2026年11月30日
            zh-CN | 2027-01-05 | 2027年1月5日
            en-GB | 2026-11-30 | 30 November 2026
            """)
    void dueDateUsesTheLocaleLongFormat(String locale, String date, String expected) {
        assertEquals(expected, VariableFormats.date(LocalDate.parse(date), Locale.forLanguageTag(locale)));
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            Jane Doe              | Jane
            '  Jane   Mary Doe  ' | Jane
            Cher                  | Cher
            张伟                   | 张伟
            欧阳 娜娜              | 欧阳 娜娜
            山田 太郎              | 山田 太郎
            김민준                 | 김민준
            José Álvarez          | José
            """)
    void firstNameIsTheFirstTokenOrTheWholeCjkName(String name, String expected) {
        assertEquals(expected, VariableFormats.firstName(name));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            LN-2026-004417 | 4417
            1234           | 1234
            A7             | A7
            ' X-98765 '    | 8765
            """)
    void contractTailIsTheLastFourCharacters(String contractNo, String expected) {
        assertEquals(expected, VariableFormats.contractTail(contractNo));
    }
}
