package io.parley.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutLinksTest {
    private static final String BASE = "https://parley.example.com";
    private static final OptOutLinks LINKS = new OptOutLinks(BASE, "key-one-key-one-key-one-key-one!".getBytes(StandardCharsets.US_ASCII));
    private static final OptOutLinks OTHER_KEY = new OptOutLinks(BASE, "key-two-key-two-key-two-key-two!".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, 1, 42, 9_007_199_254_740_993L, Long.MAX_VALUE})
    void aLinkVerifiesAsItsOwnContactPoint(long id) {
        String url = LINKS.url(id);
        assertTrue(url.startsWith(BASE + OptOutLinks.PATH + id + "."), url);

        String token = url.substring((BASE + OptOutLinks.PATH).length());
        assertEquals(OptionalLong.of(id), LINKS.verify(token));
    }

    static Stream<Arguments> forgeries() {
        return Stream.<Arguments>of(
                forgery("tampered id", t -> "43" + t.substring(t.indexOf('.'))),
                forgery("tampered tag, last char", t -> t.substring(0, t.length() - 1) + flip(t.charAt(t.length() - 1))),
                forgery("tampered tag, first char", t -> {
                    int dot = t.indexOf('.');
                    return t.substring(0, dot + 1) + flip(t.charAt(dot + 1)) + t.substring(dot + 2);
                }),
                forgery("tag truncated", t -> t.substring(0, t.length() - 1)),
                forgery("tag extended", t -> t + "A"),
                forgery("tag missing", t -> t.substring(0, t.indexOf('.') + 1)),
                forgery("missing dot", t -> t.replace(".", "")),
                forgery("id only", t -> t.substring(0, t.indexOf('.'))),
                forgery("no id", t -> t.substring(t.indexOf('.'))),
                forgery("non-numeric id", t -> "abc" + t.substring(t.indexOf('.'))),
                forgery("id with a space", t -> " 42" + t.substring(t.indexOf('.'))),
                forgery("id overflowing a long", t -> "99999999999999999999" + t.substring(t.indexOf('.'))),
                forgery("id with a plus sign", t -> "+" + t),
                forgery("id with a leading zero", t -> "0" + t),
                forgery("token from another key", t -> OTHER_KEY.token(42)),
                forgery("another id's tag", t -> "42" + LINKS.token(41).substring(LINKS.token(41).indexOf('.'))));
    }

    private static Arguments forgery(String name, UnaryOperator<String> change) {
        return Arguments.of(name, change);
    }

    private static char flip(char c) {
        return c == 'A' ? 'B' : 'A';
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aForgedTokenIsRejected(String name, UnaryOperator<String> change) {
        String genuine = LINKS.token(42);
        String forged = change.apply(genuine);

        assertTrue(!forged.equals(genuine), "the forgery must differ: " + forged);
        assertEquals(OptionalLong.empty(), LINKS.verify(forged), forged);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {".", "..", "42.", " ", "42..", "-1.x"})
    void nonsenseIsRejected(String token) {
        assertEquals(OptionalLong.empty(), LINKS.verify(token));
    }
}
