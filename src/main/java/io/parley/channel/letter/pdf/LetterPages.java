package io.parley.channel.letter.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pages of one letter as they are written: a cursor moving down the page, text set in the letter font (bold is
 * the same face stroked a little), lines wrapped to a width, and a new page whenever the next line would run into the
 * footer. Coordinates are from the top-left corner of the sheet, in points.
 */
final class LetterPages implements AutoCloseable {
    static final float GREY = 0.35f;
    private static final float ASCENT = 0.86f;

    private final PDDocument document = new PDDocument();
    private final PaperFormat paper;
    private final PDType0Font font;
    private final LineBreaker breaker;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float size = 10;
    private float y;

    LetterPages(PaperFormat paper, Locale locale) throws IOException {
        this.paper = paper;
        this.font = LetterFont.shared().embedIn(document);
        this.breaker = new LineBreaker(locale, text -> width(text, size));
        newPage();
    }

    PaperFormat paper() {
        return paper;
    }

    float y() {
        return y;
    }

    void moveTo(float top) {
        y = top;
    }

    void skip(float height) {
        y += height;
    }

    /** Starts a new page when fewer than this many points are left above the footer. */
    void keep(float height) throws IOException {
        if (y + height > paper.textBottom()) {
            newPage();
        }
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(paper.size());
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = paper.top() + 12;
        foldMarks();
    }

    float width(String text, float fontSize) {
        try {
            return font.getStringWidth(text) / 1000f * fontSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> wrap(String text, float fontSize, float width) {
        size = fontSize;
        return breaker.lines(text, width);
    }

    /** Sets one line with its top at the given height (no page break). */
    void line(String text, float x, float top, float fontSize, boolean bold, float grey) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, fontSize);
        content.setNonStrokingColor(grey, grey, grey);
        if (bold) {
            content.setStrokingColor(grey, grey, grey);
            content.setLineWidth(fontSize * 0.035f);
            content.setRenderingMode(RenderingMode.FILL_STROKE);
        } else {
            content.setRenderingMode(RenderingMode.FILL);
        }
        content.newLineAtOffset(x, paper.height() - top - fontSize * ASCENT);
        content.showText(text);
        content.endText();
    }

    /** Sets wrapped text at the cursor, breaking pages between lines; returns the lines set. */
    int text(String text, float x, float width, float fontSize, boolean bold, float grey) throws IOException {
        List<String> lines = wrap(text, fontSize, width);
        float leading = fontSize * 1.45f;
        for (String line : lines) {
            keep(leading);
            line(line, x, y, fontSize, bold, grey);
            y += leading;
        }
        return lines.size();
    }

    /** A thin horizontal rule at the cursor. */
    void rule(float from, float to, float top, float grey) throws IOException {
        content.setStrokingColor(grey, grey, grey);
        content.setLineWidth(0.5f);
        content.moveTo(from, paper.height() - top);
        content.lineTo(to, paper.height() - top);
        content.stroke();
    }

    /** A filled rectangle, for the shading behind the account facts. */
    void shade(float x, float top, float width, float height, float grey) throws IOException {
        content.setNonStrokingColor(grey, grey, grey);
        content.addRect(x, paper.height() - top - height, width, height);
        content.fill();
    }

    private void foldMarks() throws IOException {
        for (float fold : paper.folds()) {
            rule(10, 22, fold, 0.55f);
        }
    }

    /** Writes each page's footer ("Page 1 of 2" with the footer text) and returns the finished PDF. */
    byte[] finish(String footer, String pageLabel, Locale locale) throws IOException {
        content.close();
        content = null;
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream footerStream = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = footerStream;
                float top = paper.textBottom() + 14;
                rule(paper.left(), paper.textRight(), top - 4, 0.7f);
                line(footer, paper.left(), top, 7.5f, false, GREY);
                String number = new MessageFormat(pageLabel, locale).format(new Object[]{i + 1, pages.size()});
                line(number, paper.textRight() - width(number, 7.5f), top, 7.5f, false, GREY);
            }
        }
        content = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    int pageCount() {
        return pages.size();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
        document.close();
    }
}
