package io.parley.channel.letter.pdf;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The font letters are set in (WenQuanYi Micro Hei, shipped with its licence next to it): Latin and Chinese alike,
 * embedded in each letter as a subset of the glyphs it uses. Text is checked against the font before it is set: a
 * character the font cannot print is an error naming it, never a silent gap or a replacement box.
 */
public final class LetterFont {
    /** Kept as it is, so that a phone number or an amount is never broken across lines. */
    static final int NO_BREAK_SPACE = 0xA0;
    static final String RESOURCE = "/io/parley/channel/letter/fonts/WenQuanYiMicroHei.ttf";

    private static final class Shared {
        static final LetterFont INSTANCE = load();
    }

    private final byte[] bytes;
    private final CmapLookup cmap;

    private LetterFont(byte[] bytes, CmapLookup cmap) {
        this.bytes = bytes;
        this.cmap = cmap;
    }

    /** The font, read once per process. */
    public static LetterFont shared() {
        return Shared.INSTANCE;
    }

    private static LetterFont load() {
        try (InputStream in = LetterFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the letter font " + RESOURCE + " is missing from the classpath");
            }
            byte[] bytes = in.readAllBytes();
            // the character map is read completely here; afterwards it is only looked up, from any thread
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            return new LetterFont(bytes, cmap);
        } catch (IOException e) {
            throw new UncheckedIOException("the letter font cannot be read", e);
        }
    }

    /** The font for one document, embedded as a subset when the document is saved. */
    PDType0Font embedIn(PDDocument document) throws IOException {
        return PDType0Font.load(document, new RandomAccessReadBuffer(bytes), true, false);
    }

    /** Whether the font has a glyph for the character. */
    public boolean prints(int codePoint) {
        return cmap.getGlyphId(codePoint) != 0;
    }

    /**
     * The text as it will be set: composed (NFC), tabs and other spaces as plain spaces (no-break
     * spaces kept), line breaks kept as "\n",
     * invisible control and format characters (zero-width space, soft hyphen, byte-order mark) left out.
     *
     * @param field names the text in the error (e.g. "recipient line 2")
     * @throws LetterRenderException naming the first character the font cannot print
     */
    public String settable(String text, String field) {
        String composed = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == NO_BREAK_SPACE && prints(cp)) {
                out.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) {
                return;
            } else if (!prints(cp)) {
                throw new LetterRenderException(field + ": the character '" + Character.toString(cp) + "' (U+"
                        + Integer.toHexString(cp).toUpperCase(Locale.ROOT) + ") is not in the letter font, so the "
                        + "letter cannot be printed as written");
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
