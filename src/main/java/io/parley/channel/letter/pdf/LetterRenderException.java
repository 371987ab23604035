package io.parley.channel.letter.pdf;

/** A letter that cannot be printed as given: a character the font lacks, an address too long for the window. */
public final class LetterRenderException extends RuntimeException {
    public LetterRenderException(String message) {
        super(message);
    }

    public LetterRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
