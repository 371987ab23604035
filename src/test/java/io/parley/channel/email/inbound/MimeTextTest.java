package io.parley.channel.email.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Header values as mail in the wild writes them: folded, RFC 2047 encoded, split mid-character, malformed. */
class MimeTextTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain", "plain", "plain"),
                Arguments.of("Q with underscores and hex", "=?iso-8859-1?Q?RE=3A_Su_cuenta_=2D_Jos=E9?=",
                        "RE: Su cuenta - José"),
                Arguments.of("a word inside a word", "Jos=?iso-8859-1?Q?=E9_Mu=F1oz?=", "José Muñoz"),
                Arguments.of("a GBK character split across folded words",
                        "=?gbk?B?UmU6xPq1xA==?=\r\n =?gbk?B?1cu7p7u5vw==?=\r\n =?gbk?B?7szh0NE=?=", "Re:您的账户还款提醒"),
                Arguments.of("a GB2312 label on GBK text", "=?gb2312?B?u9i4tDogxPq1xNXLu6e7ub/uzOHQ0Q==?=",
                        "回复: 您的账户还款提醒"),
                Arguments.of("white space between adjacent words goes", "=?UTF-8?Q?a?= \t =?UTF-8?Q?b?=", "ab"),
                Arguments.of("white space between words and text stays", "a =?utf-8?B?w6k=?= b", "a é b"),
                Arguments.of("adjacent words in two charsets", "=?utf-8?B?w6k=?= =?iso-8859-1?Q?=E9?=", "éé"),
                Arguments.of("a language tag (RFC 2231)", "=?utf-8*en?Q?hi_there?=", "hi there"),
                Arguments.of("a Latin-1 label on UTF-8 bytes", "=?iso-8859-1?Q?caf=C3=A9?=", "café"),
                Arguments.of("a malformed word stays as written", "=?utf-8?q?broken=ZZ?= x", "=?utf-8?q?broken=ZZ?= x"),
                Arguments.of("an unknown charset falls back", "=?x-unknown?B?YWJj?=", "abc"),
                Arguments.of("an unfinished word stays as written", "=?utf-8?B?YWJj", "=?utf-8?B?YWJj"),
                Arguments.of("raw UTF-8 bytes read as Latin-1", "Re: caf\u00c3\u00a9", "Re: café"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesHeaders(String title, String raw, String expected) {
        assertEquals(expected, MimeText.decodeHeader(raw, null));
    }
}
