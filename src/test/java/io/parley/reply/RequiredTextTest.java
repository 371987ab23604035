package io.parley.reply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a pattern needs in a reply before it can match, read conservatively: "-" is nothing (always run). */
class RequiredTextTest {
    /** regex => the texts one of which it needs ("_" is a space, "-" is nothing: the pattern always runs). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "stop => stop",
            "\\bstop texting\\b => stop_texting",
            "\\bcease(?: and desist)? from\\b => cease_and_desist_from,cease_from",
            "(?:stop|quit) harassing => quit_harassing,stop_harassing",
            "(?:stop|quit)(?: it)? now => quit_it_now,quit_now,stop_it_now,stop_now",
            "\\bpay\\b(?! later)(?: you)? \\d => pay_",
            "还(?:款|钱)? => 还",
            "\\b(?:lawyer|attorney|atty)\\b => attorney,atty,lawyer",
            "退订|取消订阅|拒收 => 拒收,取消订阅,退订",
            "(?:不要|别|不准)再?(?:给我|向我)?(?:发|打) => 发,打",
            "STOP Now => stop_now",
            "don\\'t \\$\\d => don't_$",
            "a+bc => bc",
            "x{0,2}yz => yz",
            "(?:ab){2}c => ab",
            "(?:ab)*c => c",
            "\\d+ => -",
            "stop|\\d+ => -",
            "(?!stop)\\w+ => -",
            "(?<!not )stop => stop",
            "\\bno (?!money)\\w+ here => _here",
            "[a-z]+ing => ing",
            "[^\\]x]+yz => yz",
            "\\p{IsHan}{2}退订 => 退订",
            "(?<name>pay)ment => payment",
            "(?i)stop => -",
            "\\Qstop\\E => -",
            "\\x41bc => -",
            "^$ => -",
            "(?:|x)yz => yz",
    })
    void readsWhatEveryMatchContains(String regex, String expected) {
        Set<String> want = expected.equals("-") ? null
                : new TreeSet<>(Arrays.asList(expected.replace('_', ' ').split(",")));
        assertEquals(want, RequiredText.of(regex).map(TreeSet::new).orElse(null));
    }

    /** Letters compare as the rules' patterns compare them: a dotless i is an i, a long s an s, STOP is stop. */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "i'll pay|\u0131'll pay|true",
            "stop|\u017ftop|true",
            "stop|STOP!|true",
            "ok|o\u212a|true",
            "stop|spot|false",
            "i'll pay|i will pay|false",
    })
    void theSieveSkipsOnlyWhatCannotMatch(String regex, String text, boolean matches) {
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        LanguageRules.Phrase phrase = new LanguageRules.Phrase(pattern, "test");
        PhraseSieve sieve = new PhraseSieve(List.of(phrase));
        assertEquals(matches, pattern.matcher(text).find());
        assertEquals(matches, sieve.scan(text).mayMatch(phrase));
        assertTrue(sieve.scan(text).mayMatch(new LanguageRules.Phrase(pattern, "other")),
                "a phrase the sieve was not built with always runs");
    }

    /** With COMMENTS "s t o p" is "stop": a pattern with flags the reading does not follow is never skipped. */
    @Test
    void aPatternWithOtherFlagsAlwaysRuns() {
        Pattern pattern = Pattern.compile("s t o p", Pattern.COMMENTS);
        LanguageRules.Phrase phrase = new LanguageRules.Phrase(pattern, "test");
        assertTrue(pattern.matcher("stop").find());
        assertTrue(new PhraseSieve(List.of(phrase)).scan("stop").mayMatch(phrase));
    }
}
