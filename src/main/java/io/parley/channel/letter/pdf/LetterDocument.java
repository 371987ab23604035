package io.parley.channel.letter.pdf;

import java.util.List;
import java.util.Objects;

/**
 * Everything one letter prints, already worded and formatted for its locale: the letterhead, the line for the return
 * address and the recipient's lines (the only text inside the envelope window), the date and reference beside the
 * window, the title, the account facts, the body paragraphs, sections under headings (consequences, how to pay, how
 * to reach us), the required notices, and the footer with its page numbering ("Page {0} of {1}").
 *
 * @param locale BCP 47 tag: where the text may break a line and which script it is set in
 */
public record LetterDocument(String locale, PaperFormat paper, Letterhead letterhead, String returnAddress,
                             List<String> recipient, List<Fact> references, String title, List<Fact> facts,
                             List<String> paragraphs, List<Section> sections, String noticesHeading,
                             List<String> notices, String footer, String pageLabel) {

    public LetterDocument {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(letterhead, "letterhead");
        Objects.requireNonNull(title, "title");
        recipient = List.copyOf(recipient);
        if (recipient.isEmpty()) {
            throw new IllegalArgumentException("a letter needs the recipient's name and address");
        }
        references = List.copyOf(references);
        facts = List.copyOf(facts);
        paragraphs = List.copyOf(paragraphs);
        sections = List.copyOf(sections);
        notices = List.copyOf(notices);
    }

    /** The sender as the top of the letter shows it: a name and a few lines (address, phone, web). */
    public record Letterhead(String name, List<String> lines) {
        public Letterhead {
            Objects.requireNonNull(name, "name");
            lines = List.copyOf(lines);
        }
    }

    /** A labelled value: "Contract number: LN-2026-0042". */
    public record Fact(String label, String value) {
        public Fact {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A heading and its text (paragraphs separated by line breaks). */
    public record Section(String heading, String text) {
        public Section {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(text, "text");
        }
    }
}
