package io.parley.channel.email.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HTML bodies as the text a reader sees: line breaks, lists, quotes, rules, entities and what is not text at all. */
class HtmlTextTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("paragraphs", "<p>a</p><p>b</p>", "a\n\nb"),
                Arguments.of("unclosed paragraphs close as a browser closes them", "<p>a<p>b", "a\n\nb"),
                Arguments.of("line breaks, any spelling", "a<br>b<br/>c</br>d", "a\nb\nc\nd"),
                Arguments.of("blocks", "<div>x</div><div>y</div>", "x\ny"),
                Arguments.of("list items", "<ul><li>one<li>two</ul>", "- one\n- two"),
                Arguments.of("nested quotes", "<blockquote>q1<br>q2<blockquote>qq</blockquote></blockquote>after",
                        "> q1\n> q2\n>> qq\nafter"),
                Arguments.of("preformatted text keeps its spaces", "<pre>  keep\n   this</pre>after",
                        "  keep\n   this\nafter"),
                Arguments.of("table cells", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>",
                        "a b\nc d"),
                Arguments.of("a rule", "a<hr>b", "a\n________________________________\nb"),
                Arguments.of("white space collapses", "<div>  lots   of \n\n space  </div>", "lots of space"),
                Arguments.of("entities, named and numeric, with and without a semicolon",
                        "&amp; &lt;a@b&gt; &quot;&apos; caf&eacute; &frac12; &rarr; &#8217;&#x27; &euro;&nbsp;5 &amp",
                        "& <a@b> \"' café ½ → ’' € 5 &"),
                Arguments.of("an unknown entity stays as written", "&nosuchentity;", "&nosuchentity;"),
                Arguments.of("soft hyphens go, a lone surrogate is a replacement character", "soft&shy;ware &#xD800;",
                        "software \uFFFD"),
                Arguments.of("comments, scripts, styles, the head and Outlook's xml are not text",
                        "<html><head><title>T</title><style>p{}</style></head><body><!-- c --><script>x</script>"
                                + "<xml><o:OfficeDocumentSettings>z</o:OfficeDocumentSettings></xml>body<o:p></o:p>"
                                + "</body></html>",
                        "body"),
                Arguments.of("a less-than sign in text is not a tag", "a < b and c > d", "a < b and c > d"),
                Arguments.of("headings", "<h1>Head</h1>text<h2>h2</h2>", "Head\n\ntext\nh2"),
                Arguments.of("blank quoted paragraphs collapse", "<blockquote><p>a</p><p></p><p>b</p></blockquote>",
                        "> a\n>\n> b"),
                Arguments.of("Outlook's header block", "<b>From:</b> X &lt;a@b&gt;<br><b>Sent:</b> now",
                        "From: X <a@b>\nSent: now"),
                Arguments.of("empty", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsHtmlAsText(String title, String html, String expected) {
        assertEquals(expected, HtmlText.toText(html));
    }
}
