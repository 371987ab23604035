package io.parley.channel.letter.pdf;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A sheet and the envelope it is folded into, in PDF points (1/72 inch) measured from the top-left corner: the
 * margins, the envelope window (the only part of the letter visible from outside), the block beside it for the date
 * and reference, where the text starts, and where the sheet is folded.
 *
 * <ul>
 *     <li>A4 in a DL or C6/5 window envelope, laid out as DIN 5008 form B: the address field 20 mm from the left
 *     and 45 mm from the top, 85 x 45 mm, its first 17.7 mm for the return address; folded at 105 and 210 mm.</li>
 *     <li>US Letter in a #10 window envelope (window 4 1/2 x 1 1/8 in, 7/8 in from the left, 1/2 in from the
 *     bottom), folded in three: the window shows the letter from about 2 in below its top edge.</li>
 * </ul>
 */
public enum PaperFormat {
    A4(PDRectangle.A4, mm(25), mm(20), mm(15), mm(22),
            new Box(mm(20), mm(45), mm(85), mm(45)), mm(17.7f), mm(125), mm(50), mm(98.5f), new float[]{mm(105), mm(210)}),
    US_LETTER(PDRectangle.LETTER, in(1), in(0.75f), in(0.5f), in(0.8f),
            new Box(in(0.875f), in(2.04f), in(4.5f), in(1.125f)), 11, in(5.55f), in(2.04f), in(3.5f),
            new float[]{in(11f / 3), in(22f / 3)});

    private final PDRectangle size;
    private final float left;
    private final float right;
    private final float top;
    private final float bottom;
    private final Box window;
    private final float returnZone;
    private final float infoLeft;
    private final float infoTop;
    private final float bodyTop;
    private final float[] folds;

    PaperFormat(PDRectangle size, float left, float right, float top, float bottom, Box window, float returnZone,
                float infoLeft, float infoTop, float bodyTop, float[] folds) {
        this.size = size;
        this.left = left;
        this.right = right;
        this.top = top;
        this.bottom = bottom;
        this.window = window;
        this.returnZone = returnZone;
        this.infoLeft = infoLeft;
        this.infoTop = infoTop;
        this.bodyTop = bodyTop;
        this.folds = folds;
    }

    /** A rectangle from the top-left corner of the sheet. */
    public record Box(float x, float top, float width, float height) {
        public float right() {
            return x + width;
        }

        public float bottom() {
            return top + height;
        }
    }

    public PDRectangle size() {
        return size;
    }

    public float width() {
        return size.getWidth();
    }

    public float height() {
        return size.getHeight();
    }

    public float left() {
        return left;
    }

    /** Where text ends on the right. */
    public float textRight() {
        return width() - right;
    }

    public float top() {
        return top;
    }

    /** The lowest a line of text may reach (the footer sits below it). */
    public float textBottom() {
        return height() - bottom;
    }

    /** The envelope's window on the letter. */
    public Box window() {
        return window;
    }

    /** The height at the top of the window kept for the return address line. */
    public float returnZone() {
        return returnZone;
    }

    /** The block right of the window (date, reference). */
    public Box info() {
        return new Box(infoLeft, infoTop, textRight() - infoLeft, window.height());
    }

    /** Where the letter's text starts on the first page, below the window. */
    public float bodyTop() {
        return bodyTop;
    }

    /** The distances from the top at which the sheet is folded. */
    public float[] folds() {
        return folds.clone();
    }

    private static float mm(float mm) {
        return mm * 72f / 25.4f;
    }

    private static float in(float inches) {
        return inches * 72f;
    }
}
