package io.parley.reply;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms of a reply that rules read. {@code normal}: NFKC (full-width letters, digits and punctuation become
 * their ASCII forms), lower case, typographic quotes made ASCII, Chinese financial numerals and traditional
 * characters folded ({@link ChineseFolding}), WeChat's bracketed emoji codes ("[捂脸]") removed, whitespace
 * collapsed, trimmed; amounts and dates are read from it. {@code keyword}: normal without leading and trailing
 * punctuation, symbols and emoji; whole-reply keywords are compared with it. {@code words}: normal with everything
 * but letters, digits and apostrophes turned into single spaces, and a space put between Chinese characters and Latin
 * letters written together ("下周五pay 500" reads "下周五 pay 500", so English phrases find their words); phrases
 * are searched in it. {@code offsets} maps each
 * character of words to its character in normal, so a phrase found in the words can be found again in the text.
 */
record ReplyText(String original, String normal, String keyword, String words, int[] offsets) {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** WeChat writes its emoji as a name in brackets: [微笑], [捂脸], and in English [Angry], [OK], [Facepalm]. */
    private static final Pattern WECHAT_EMOJI = Pattern.compile("\\[(?:\\p{IsHan}{1,6}|[A-Z][a-z]{1,11}|OK)]");

    static ReplyText of(String text) {
        String normal = normal(text == null ? "" : text);
        StringBuilder words = new StringBuilder(normal.length());
        int[] offsets = new int[2 * normal.length() + 1];
        boolean gap = false;
        int previous = ' ';
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '\'') {
                if ((gap || scriptChange(previous, cp)) && words.length() > 0) {
                    offsets[words.length()] = i - 1;
                    words.append(' ');
                }
                gap = false;
                for (int k = 0; k < width; k++) {
                    offsets[words.length()] = i + k;
                    words.append(normal.charAt(i + k));
                }
                previous = cp;
            } else {
                gap = true;
            }
            i += width;
        }
        return new ReplyText(text == null ? "" : text, normal, keyword(normal), words.toString(),
                java.util.Arrays.copyOf(offsets, words.length()));
    }

    /** Between a Chinese character and a Latin letter, either way round. */
    private static boolean scriptChange(int before, int after) {
        return han(before) && latin(after) || latin(before) && han(after);
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static boolean latin(int cp) {
        return cp < 0x250 && Character.isLetter(cp);
    }

    static String normal(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String n = WECHAT_EMOJI.matcher(folded).replaceAll(" ").toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'').replace('`', '\'')
                .replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u3000', ' ').replace('\u200b', ' ').replace('\u00a0', ' ');
        n = ChineseFolding.fold(n);
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

    /** Where in normal the words from {@code start} (inclusive) to {@code end} (exclusive) are. */
    Span inNormal(int start, int end) {
        if (start >= end || end > words.length()) {
            return new Span(0, 0);
        }
        return new Span(offsets[start], offsets[end - 1] + 1);
    }

    /** A part of the normalised reply, start inclusive, end exclusive. */
    record Span(int start, int end) {
        int distance(int from, int to) {
            if (to <= start) {
                return start - to;
            }
            return from >= end ? from - end : 0;
        }
    }
}
