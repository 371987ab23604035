package io.parley.channel.letter.pdf;

/** A rendered letter: the PDF, how many pages it has, and the SHA-256 of its bytes (lower-case hex). */
public record RenderedLetter(byte[] pdf, int pages, String sha256, PaperFormat paper) {
}
