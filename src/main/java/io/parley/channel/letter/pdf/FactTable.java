package io.parley.channel.letter.pdf;

import io.parley.channel.letter.pdf.LetterDocument.Fact;

import java.io.IOException;
import java.util.List;

/** The account facts as a shaded two-column table: labels on the left, values (bold) on the right. */
final class FactTable {
    private static final float LABEL = 9f;
    private static final float VALUE = 10f;
    private static final float PAD = 7f;

    private FactTable() {
    }

    static void draw(LetterPages pages, List<Fact> facts, float x, float width) throws IOException {
        if (facts.isEmpty()) {
            return;
        }
        float labelWidth = 0;
        for (Fact fact : facts) {
            labelWidth = Math.max(labelWidth, pages.width(fact.label(), LABEL));
        }
        labelWidth = Math.min(labelWidth + 2 * PAD, width * 0.45f);
        float valueX = x + labelWidth;
        float valueWidth = width - labelWidth - PAD;
        pages.skip(PAD / 2);
        for (Fact fact : facts) {
            List<String> labels = pages.wrap(fact.label(), LABEL, labelWidth - 2 * PAD);
            List<String> values = pages.wrap(fact.value(), VALUE, valueWidth);
            float height = Math.max(labels.size() * LABEL, values.size() * VALUE) * 1.4f + 4;
            pages.keep(height);
            float top = pages.y();
            pages.shade(x, top - 2, width, height, 0.93f);
            for (int i = 0; i < labels.size(); i++) {
                pages.line(labels.get(i), x + PAD, top + 1 + i * LABEL * 1.4f, LABEL, false, LetterPages.GREY);
            }
            for (int i = 0; i < values.size(); i++) {
                pages.line(values.get(i), valueX, top + i * VALUE * 1.4f, VALUE, true, 0f);
            }
            pages.skip(height);
        }
    }
}
