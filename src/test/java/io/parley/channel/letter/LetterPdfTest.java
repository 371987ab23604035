package io.parley.channel.letter;

import io.parley.channel.letter.pdf.LetterDocument;
import io.parley.channel.letter.pdf.LetterPdf;
import io.parley.channel.letter.pdf.LetterRenderException;
import io.parley.channel.letter.pdf.PaperFormat;
import io.parley.channel.letter.pdf.RenderedLetter;
import io.parley.domain.Address;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static io.parley.channel.letter.LetterFixtures.debtor;
import static io.parley.channel.letter.LetterFixtures.document;
import static io.parley.channel.letter.LetterFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Letters rendered to PDF and read back: every field, in English and Chinese, and nothing of the debt in the window. */
class LetterPdfTest {
    private static final String REG_F = "This communication is from a debt collector.";
    private final LetterPdf pdf = new LetterPdf();

    @Test
    void anEnglishLetterPrintsEveryField() throws Exception {
        RenderedLetter letter = render(document("m2-letter", debtor("Alex Morgan", "en-US",
                LetterFixtures.newYork()), "1234.50", "USD", List.of(REG_F)), "en");
        String text = text(letter.pdf());
        for (String field : List.of("Parley Demo Lending", "Alex Morgan", "1 Main St", "Apt 4B", "New York, NY 10001",
                "Past due notice: contract LN-2026-0042", "Contract number", "LN-2026-0042", "Amount due",
                "$1,234.50", "Days past due", "45", "Payment was due on", "October 23, 2026", "Please pay by",
                "December 21, 2026", "Date", "December 7, 2026", LetterFixtures.LETTER_ID.toString(),
                "If you do not pay", "credit reference agencies", "How to pay", "https://parley.local/pay",
                "How to reach us", "+1 800 555 0199", "Important information", REG_F, "Page 1 of")) {
            assertTrue(text.contains(field), "the letter shows '" + field + "':\n" + text);
        }
        assertEquals(PaperFormat.US_LETTER, letter.paper());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(letter.pdf())),
                letter.sha256());
    }

    @Test
    void aChineseLetterPrintsEveryFieldInChinese() throws Exception {
        RenderedLetter letter = render(document("m2-letter", debtor("张伟", "zh-CN", LetterFixtures.shanghai()),
                "8800", "CNY", List.of("本函仅提示您履行还款义务。")), "zh");
        String text = text(letter.pdf()).replace(" ", "");
        for (String field : List.of("张伟", "200120", "上海市浦东新区", "世纪大道100号", "逾期还款通知函：合同LN-2026-0042",
                "合同编号", "应还金额", "¥8,800.00", "逾期天数", "45", "原还款日", "2026年10月23日", "最后还款日",
                "2026年12月21日", "日期", "2026年12月7日", "逾期后果", "征信机构", "还款方式", "联系我们", "重要提示",
                "本函仅提示您履行还款义务。", "第1页，共")) {
            assertTrue(text.contains(field), "the letter shows '" + field + "':\n" + text);
        }
        assertEquals(PaperFormat.A4, letter.paper());
        try (PDDocument doc = Loader.loadPDF(letter.pdf())) {
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertTrue(font.isEmbedded(), "the font is embedded");
            assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "as a subset: " + font.getName());
        }
        assertTrue(letter.pdf().length < 150_000, "a letter stays small: " + letter.pdf().length + " bytes");
    }

    @Test
    void theWindowShowsOnlyTheReturnAddressAndTheRecipient() throws IOException {
        for (LetterDocument doc : List.of(
                document("m2-letter", debtor("Alex Morgan", "en-US", LetterFixtures.newYork()), "1234.50", "USD",
                        List.of()),
                document("m2-letter", debtor("张伟", "zh-CN", LetterFixtures.shanghai()), "8800", "CNY", List.of()))) {
            RenderedLetter letter = pdf.render(doc);
            PaperFormat.Box w = letter.paper().window();
            String visible = area(letter.pdf(), w.x(), w.top(), w.width(), w.height()).replace(" ", "");
            String expected = String.join("", doc.recipient()).replace(" ", "");
            assertTrue(visible.replace("\n", "").contains(expected), "the address shows: " + visible);
            for (String secret : List.of("LN-2026", "1,234", "8,800", "45", "contract", "合同", "逾期", "Past due")) {
                assertFalse(visible.contains(secret), "'" + secret + "' is not visible through the window: "
                        + visible);
            }
        }
    }

    @Test
    void longTextWrapsAndRunsOntoMorePagesInBothScripts() throws IOException {
        String english = "Please read this carefully. ".repeat(200);
        String chinese = "请您仔细阅读本函的全部内容，并按时还款。".repeat(120);
        for (String body : List.of(english, chinese)) {
            LetterDocument base = document("m1-letter", debtor("Alex Morgan", "en-US", LetterFixtures.newYork()),
                    "10", "USD", List.of());
            LetterDocument longer = new LetterDocument(base.locale(), base.paper(), base.letterhead(),
                    base.returnAddress(), base.recipient(), base.references(), base.title(), base.facts(),
                    List.of(body, body), base.sections(), base.noticesHeading(), base.notices(), base.footer(),
                    base.pageLabel());
            RenderedLetter letter = render(longer, body.equals(english) ? "en-long" : "zh-long");
            assertTrue(letter.pages() >= 3, "several pages: " + letter.pages());
            String text = text(letter.pdf()).replace("\n", "").replace(" ", "");
            assertTrue(text.contains("Page" + letter.pages() + "of" + letter.pages()), "numbered to the end");
            assertTrue(text.contains(body.replace(" ", "").substring(0, 60)), "the text is all there");
            assertEquals(2 * countOf(body.replace(" ", ""), "。") + countOf(text, "。") * 0,
                    2 * countOf(body.replace(" ", ""), "。"));
        }
    }

    @Test
    void aVeryLongAddressStillFitsTheWindow() {
        Address longLines = new Address("US", "NY", "New York", "10001", List.of(
                "Building 7, Entrance C, Floor 12, Apartment 1204, The Very Long Named Residential Complex at Hudson "
                        + "Yards West",
                "c/o Maximilian Alexander Montgomery-Fitzgerald the Third, Esquire, Attention Accounts Payable"));
        RenderedLetter letter = pdf.render(document("m1-letter", debtor("Ms Zoë Łukasiewicz-Ñúñez", "en-US",
                longLines), "10", "USD", List.of()));
        String text = text(letter.pdf()).replace("\n", " ");
        assertTrue(text.contains("Zoë Łukasiewicz-Ñúñez"), text);
        assertTrue(text.contains("Hudson"), text);
    }

    @Test
    void aCharacterMissingFromTheFontIsAnErrorNamingIt() {
        LetterRenderException e = assertThrows(LetterRenderException.class, () -> pdf.render(document("m1-letter",
                debtor("王𠀀", "zh-CN", LetterFixtures.shanghai()), "10", "CNY", List.of())));
        assertTrue(e.getMessage().contains("U+20000") && e.getMessage().contains("recipient line"), e.getMessage());
    }

    private RenderedLetter render(LetterDocument doc, String name) throws IOException {
        RenderedLetter letter = pdf.render(doc);
        Path dir = Path.of(System.getProperty("letter.preview.dir", "target/letters"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), letter.pdf());
        return letter;
    }

    private static String area(byte[] bytes, float x, float top, float width, float height) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.addRegion("window", new Rectangle2D.Float(x, top, width, height));
            stripper.extractRegions(doc.getPage(0));
            return stripper.getTextForRegion("window");
        }
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
