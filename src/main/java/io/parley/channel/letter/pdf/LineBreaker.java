package io.parley.channel.letter.pdf;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Breaks text into lines no wider than a measure, where the locale's line-breaking rules allow (between words in
 * English, between most characters in Chinese). A word longer than a whole line (a long reference, a URL) is cut
 * where it must. Closing punctuation (，。、）」 and the like) never starts a line: it hangs at the end of the line
 * before, as in Chinese typesetting.
 */
final class LineBreaker {
    private static final String NO_LINE_START = "，。、；：！？）》」』】〕〉”’…・,.;:!?)]}%";

    /** The width of a piece of text when set. */
    interface Measure {
        float width(String text);
    }

    private final Locale locale;
    private final Measure measure;

    LineBreaker(Locale locale, Measure measure) {
        this.locale = locale;
        this.measure = measure;
    }

    /** The lines of a text (its own line breaks kept), each within the width. */
    List<String> lines(String text, float width) {
        List<String> lines = new ArrayList<>();
        for (String hard : text.split("\n", -1)) {
            wrap(hard.strip(), width, lines);
        }
        return lines;
    }

    private void wrap(String text, float width, List<String> lines) {
        if (text.isEmpty()) {
            lines.add("");
            return;
        }
        BreakIterator breaks = BreakIterator.getLineInstance(locale);
        breaks.setText(text);
        StringBuilder line = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String piece = text.substring(start, end);
            String candidate = line + piece;
            if (measure.width(candidate.stripTrailing()) <= width || hangs(line, piece)) {
                line.append(piece);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            line.append(cutToFit(piece, width, lines));
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
    }

    /** Closing punctuation stays with the line it closes, even a little past the measure. */
    private static boolean hangs(StringBuilder line, String piece) {
        return !line.isEmpty() && piece.length() <= 2 && NO_LINE_START.indexOf(piece.charAt(0)) >= 0;
    }

    /** Adds the whole-line parts of a piece too wide for a line and returns the rest. */
    private String cutToFit(String piece, float width, List<String> lines) {
        String rest = piece;
        while (measure.width(rest.stripTrailing()) > width) {
            int end = rest.offsetByCodePoints(0, 1);
            while (end < rest.length()) {
                int next = rest.offsetByCodePoints(end, 1);
                if (measure.width(rest.substring(0, next)) > width) {
                    break;
                }
                end = next;
            }
            lines.add(rest.substring(0, end));
            rest = rest.substring(end);
        }
        return rest;
    }
}
