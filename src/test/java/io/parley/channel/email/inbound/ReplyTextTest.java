package io.parley.channel.email.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Edge cases of reply extraction, including what must not be mistaken for history or a signature. */
class ReplyTextTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("null-ish: blank", "  \n \n", ""),
                Arguments.of("no history", "Just this.\n", "Just this."),
                Arguments.of("CRLF and trailing spaces", "Line one   \r\nLine two\r\n\r\n\r\n", "Line one\nLine two"),
                Arguments.of("sig delimiter without its space", "OK.\n--\nJane\n", "OK."),
                Arguments.of("dashes in text are not a signature", "Pay -- or not -- today?\n", "Pay -- or not -- today?"),
                Arguments.of("only quoted history", "> old text\n> more\n", ""),
                Arguments.of("a forward with no note", "-----Original Message-----\nFrom: a@example.com\nSent: today\n", ""),
                Arguments.of("'wrote:' in a sentence is not an attribution", "My lawyer wrote:\nthat I owe nothing.\n",
                        "My lawyer wrote:\nthat I owe nothing."),
                Arguments.of("a lone From: line is not a header block", "From: now on, email me only.\nThanks\n",
                        "From: now on, email me only.\nThanks"),
                Arguments.of("underscores without headers are kept", "Total\n__________\n250\n", "Total\n__________\n250"),
                Arguments.of("'来自' in a sentence is not a signature", "来自我的律师的建议：先不要还款。\n", "来自我的律师的建议：先不要还款。"),
                Arguments.of("'Sent from my' long sentence is kept", "Sent from my work account because my personal one was hacked last week, sorry.\n",
                        "Sent from my work account because my personal one was hacked last week, sorry."),
                Arguments.of("attribution wrapped over three lines", "Yes.\n\nOn Monday, November 23, 2026 at 10:00 AM\nParley Collections\n<reply+ab@x.test> wrote:\n> q\n", "Yes."),
                Arguments.of("Gmail German", "Ja.\n\nAm Mo., 23. Nov. 2026 um 10:00 Uhr schrieb Parley <a@b.test>:\n> q\n", "Ja."),
                Arguments.of("full-width colon in header block", "好\n\n发件人：Parley\n时间：2026年11月23日\n", "好"),
                Arguments.of("Outlook bold headers from HTML", "Fine.\n\n*From:* Parley <a@b.test>\n*Sent:* Monday\n", "Fine."),
                Arguments.of("interleaved keeps a blank where quotes were", "> q1\nA1\n> q2\nA2\n", "A1\n\nA2"),
                Arguments.of("non-breaking spaces and BOM", "\uFEFFOK\u00A0then\n\n-----\u00A0Original Message\u00A0-----\nx\n", "OK then"),
                Arguments.of("Get Outlook for Android", "Sure\n\nGet Outlook for Android\n", "Sure"),
                Arguments.of("发自我的iPad", "可以\n\n发自我的iPad\n", "可以"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extracts(String title, String body, String expected) {
        assertEquals(expected, ReplyText.extract(body));
    }
}
