package io.parley.template;

import java.util.Objects;

/**
 * How an SMS text is encoded and split. units are septets for GSM-7 (extension-table characters count 2) and UTF-16
 * code units for UCS-2. segments is the number of parts an SMSC sends: one if the text fits the single-message
 * limit, otherwise parts filled up to the concatenated limit without splitting an escape sequence or a surrogate
 * pair. An empty text has no segments. characters counts Unicode code points.
 */
public record SmsSegments(SmsEncoding encoding, int units, int segments, int characters) {

    public SmsSegments {
        Objects.requireNonNull(encoding, "encoding");
        if (units < 0 || segments < 0 || characters < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** Counts the segments of the text as it would be sent. */
    public static SmsSegments of(String text) {
        Objects.requireNonNull(text, "text");
        SmsEncoding encoding = Gsm7Alphabet.encodes(text) ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2;
        int units = 0;
        int parts = 0;
        int inPart = 0;
        for (int cp : text.codePoints().toArray()) {
            int cost = encoding == SmsEncoding.GSM_7 ? Gsm7Alphabet.septets(cp) : Character.charCount(cp);
            units += cost;
            if (parts == 0 || inPart + cost > encoding.partLimit()) {
                parts++;
                inPart = 0;
            }
            inPart += cost;
        }
        int segments = units <= encoding.singleLimit() ? Math.min(units, 1) : parts;
        return new SmsSegments(encoding, units, segments, text.codePointCount(0, text.length()));
    }

    /** Whether the text goes out as a single SMS. */
    public boolean single() {
        return segments <= 1;
    }
}
