package io.parley.channel.letter.pdf;

import io.parley.channel.letter.pdf.LetterDocument.Fact;
import io.parley.channel.letter.pdf.LetterDocument.Section;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Renders a letter to PDF (PDFBox): the letterhead; the return address and the recipient inside the envelope window
 * and nothing else there; the date and reference beside it; below the window the title, the account facts, the body,
 * the sections and the notices, paginated with a numbered footer on every page. Blocking and CPU-bound: run it on a
 * worker pool. Safe to use from several threads at once.
 */
public final class LetterPdf {
    private static final float BODY = 10f;
    private static final float WINDOW_MAX = 10f;
    private static final float WINDOW_MIN = 6.5f;

    /**
     * @throws LetterRenderException when a text holds a character the font lacks, or the address does not fit the
     *                               window even in the smallest type
     */
    public RenderedLetter render(LetterDocument letter) {
        LetterDocument doc = LetterText.settable(letter, LetterFont.shared());
        Locale locale = Locale.forLanguageTag(doc.locale());
        try (LetterPages pages = new LetterPages(doc.paper(), locale)) {
            letterhead(pages, doc);
            window(pages, doc);
            references(pages, doc.references());
            body(pages, doc);
            byte[] pdf = pages.finish(doc.footer(), doc.pageLabel(), locale);
            return new RenderedLetter(pdf, pages.pageCount(), LetterPdfSha.of(pdf), doc.paper());
        } catch (IOException e) {
            throw new LetterRenderException("the letter could not be written as PDF: " + e.getMessage(), e);
        }
    }

    private static void letterhead(LetterPages pages, LetterDocument doc) throws IOException {
        PaperFormat paper = pages.paper();
        float width = paper.textRight() - paper.left();
        pages.text(doc.letterhead().name(), paper.left(), width, 14, true, 0.1f);
        for (String line : doc.letterhead().lines()) {
            pages.text(line, paper.left(), width, 8.5f, false, LetterPages.GREY);
        }
        if (pages.y() > paper.window().top() - 4) {
            throw new LetterRenderException("letterhead: it runs into the envelope window; shorten its lines");
        }
    }

    /** The window shows the return address line and the recipient, in the largest type that fits it. */
    private static void window(LetterPages pages, LetterDocument doc) throws IOException {
        PaperFormat paper = pages.paper();
        PaperFormat.Box window = paper.window();
        float x = paper.left();
        float width = window.right() - x - 6;
        float returnSize = 7f;
        while (pages.width(doc.returnAddress(), returnSize) > width && returnSize > 5f) {
            returnSize -= 0.5f;
        }
        List<String> returnLines = pages.wrap(doc.returnAddress(), returnSize, width);
        if (returnLines.size() > 1) {
            throw new LetterRenderException("return address: too long for one line in the envelope window");
        }
        float returnTop = window.top() + paper.returnZone() - returnSize * 1.6f;
        pages.line(returnLines.get(0), x, returnTop, returnSize, false, LetterPages.GREY);
        pages.rule(x, x + pages.width(returnLines.get(0), returnSize), returnTop + returnSize * 1.15f, 0.5f);

        float available = window.height() - paper.returnZone() - 3;
        for (float size = WINDOW_MAX; size >= WINDOW_MIN; size -= 0.5f) {
            List<String> lines = recipientLines(pages, doc.recipient(), size, width);
            float leading = size * 1.2f;
            if (lines.size() * leading <= available) {
                float top = window.top() + paper.returnZone() + 1;
                for (String line : lines) {
                    pages.line(line, x, top, size, false, 0f);
                    top += leading;
                }
                return;
            }
        }
        throw new LetterRenderException("recipient: the name and address do not fit the envelope window even in "
                + WINDOW_MIN + " pt type; shorten the address lines");
    }

    private static List<String> recipientLines(LetterPages pages, List<String> recipient, float size, float width) {
        return recipient.stream().flatMap(line -> pages.wrap(line, size, width).stream()).toList();
    }

    private static void references(LetterPages pages, List<Fact> references) throws IOException {
        PaperFormat.Box info = pages.paper().info();
        pages.moveTo(info.top());
        for (Fact fact : references) {
            pages.text(fact.label(), info.x(), info.width(), 7.5f, false, LetterPages.GREY);
            float size = Math.max(7f, Math.min(9f, 9f * info.width() / pages.width(fact.value(), 9f)));
            pages.text(fact.value(), info.x(), info.width(), size, false, 0f);
            pages.skip(3);
        }
    }

    private static void body(LetterPages pages, LetterDocument doc) throws IOException {
        PaperFormat paper = pages.paper();
        float x = paper.left();
        float width = paper.textRight() - x;
        pages.moveTo(Math.max(paper.bodyTop(), pages.y()));
        pages.text(doc.title(), x, width, 12.5f, true, 0f);
        pages.skip(6);
        FactTable.draw(pages, doc.facts(), x, width);
        pages.skip(10);
        for (String paragraph : doc.paragraphs()) {
            pages.keep(BODY * 1.45f * 2);
            pages.text(paragraph, x, width, BODY, false, 0f);
            pages.skip(BODY * 0.6f);
        }
        for (Section section : doc.sections()) {
            pages.skip(BODY * 0.3f);
            pages.keep(BODY * 1.45f * 3);
            pages.text(section.heading(), x, width, 10.5f, true, 0f);
            pages.text(section.text(), x, width, BODY, false, 0f);
            pages.skip(BODY * 0.6f);
        }
        if (!doc.notices().isEmpty()) {
            pages.skip(BODY);
            pages.keep(40);
            pages.rule(x, paper.textRight(), pages.y() - 4, 0.6f);
            pages.text(doc.noticesHeading(), x, width, 8.5f, true, 0.15f);
            for (String notice : doc.notices()) {
                pages.text(notice, x, width, 8f, false, 0.2f);
                pages.skip(2);
            }
        }
    }
}
