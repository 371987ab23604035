package io.parley.reply;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms of a reply that rules read. {@code normal}: NFKC (full-width letters, digits and punctuation become
 * their ASCII forms), lower case, typographic quotes made ASCII, whitespace collapsed, trimmed; amounts and dates are
 * read from it. {@code keyword}: normal without leading and trailing punctuation, symbols and emoji; whole-reply
 * keywords are compared with it. {@code words}: normal with everything but letters, digits and apostrophes turned
 * into single spaces; phrases are searched in it.
 */
record ReplyText(String original, String normal, String keyword, String words) {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    static ReplyText of(String text) {
        String normal = normal(text == null ? "" : text);
        return new ReplyText(text == null ? "" : text, normal, keyword(normal),
                SPACES.matcher(NOT_WORD.matcher(normal).replaceAll(" ")).replaceAll(" ").trim());
    }

    static String normal(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'').replace('`', '\'')
                .replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u3000', ' ').replace('\u200b', ' ').replace('\u00a0', ' ');
        return SPACES.matcher(n).replaceAll(" ").trim();
    }

    /** Strips every leading and trailing character that is not a letter or digit (punctuation, emoji, spaces). */
    static String keyword(String normal) {
        int start = 0;
        int end = normal.length();
        while (start < end) {
            int cp = normal.codePointAt(start);
            if (Character.isLetterOrDigit(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = normal.codePointBefore(end);
            if (Character.isLetterOrDigit(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return normal.substring(start, end);
    }

    boolean isBlank() {
        return keyword.isEmpty();
    }
}
