package io.parley.template;

import static io.parley.template.SmsEncoding.GSM_7;
import static io.parley.template.SmsEncoding.UCS_2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmsSegmentsTest {

    private static final String EMOJI = "\uD83D\uDE00";

    static Stream<Arguments> texts() {
        return Stream.of(
                row("empty", "", GSM_7, 0, 0, 0),
                row("one character", "a", GSM_7, 1, 1, 1),
                row("160 GSM characters fit one SMS", "a".repeat(160), GSM_7, 160, 1, 160),
                row("161 GSM characters need two", "a".repeat(161), GSM_7, 161, 2, 161),
                row("153*2 fill two parts", "a".repeat(306), GSM_7, 306, 2, 306),
                row("153*2+1 needs a third part", "a".repeat(307), GSM_7, 307, 3, 307),
                row("153*3", "a".repeat(459), GSM_7, 459, 3, 459),
                row("euro sign is an escape: 2 septets", "€", GSM_7, 2, 1, 1),
                row("80 euro signs fill 160 septets", "€".repeat(80), GSM_7, 160, 1, 80),
                row("81 euro signs: 76 per part", "€".repeat(81), GSM_7, 162, 2, 81),
                row("extension characters", "^{}\\[~]|", GSM_7, 16, 1, 8),
                row("159 + escape overflows one SMS", "a".repeat(159) + "€", GSM_7, 161, 2, 160),
                row("escape not split at part boundary", "a".repeat(152) + "€" + "a".repeat(152), GSM_7, 306, 3, 305),
                row("Latin-1 letters of the basic set", "éèùìòÇØøÅåÆæßÉÄÖÑÜäöñüà¿¡§£¥¤", GSM_7, 29, 1, 29),
                row("Greek capitals of the basic set", "ΔΦΓΛΩΠΨΣΘΞ", GSM_7, 10, 1, 10),
                row("line feed and carriage return", "a\r\nb", GSM_7, 4, 1, 4),
                row("a with acute is not GSM", "á", UCS_2, 1, 1, 1),
                row("lower-case c cedilla is not GSM", "ç", UCS_2, 1, 1, 1),
                row("Greek small letter is not GSM", "α", UCS_2, 1, 1, 1),
                row("curly apostrophe is not GSM", "don’t", UCS_2, 5, 1, 5),
                row("backtick is not GSM", "`", UCS_2, 1, 1, 1),
                row("70 Chinese characters fit one SMS", "中".repeat(70), UCS_2, 70, 1, 70),
                row("71 Chinese characters need two", "中".repeat(71), UCS_2, 71, 2, 71),
                row("67*2 fill two parts", "中".repeat(134), UCS_2, 134, 2, 134),
                row("67*2+1 needs a third part", "中".repeat(135), UCS_2, 135, 3, 135),
                row("one non-GSM character forces UCS-2", "a".repeat(70) + "中", UCS_2, 71, 2, 71),
                row("euro sign in UCS-2 is one unit", "€中", UCS_2, 2, 1, 2),
                row("emoji is a surrogate pair", EMOJI, UCS_2, 2, 1, 1),
                row("35 emoji fill 70 units", EMOJI.repeat(35), UCS_2, 70, 1, 35),
                row("surrogate pair not split", "中".repeat(66) + EMOJI + "中".repeat(66), UCS_2, 134, 3, 133),
                row("Chinese SMS with notice", "【Acme】张伟您好，请及时还款。回复TD退订", UCS_2, 23, 1, 23));
    }

    private static Arguments row(String name, String text, SmsEncoding encoding, int units, int segments,
                                 int characters) {
        return Arguments.of(name, text, new SmsSegments(encoding, units, segments, characters));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void countsLikeAnSmsc(String name, String text, SmsSegments expected) {
        assertEquals(expected, SmsSegments.of(text));
    }
}
