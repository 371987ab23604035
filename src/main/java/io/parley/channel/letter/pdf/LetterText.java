package io.parley.channel.letter.pdf;

import io.parley.channel.letter.pdf.LetterDocument.Fact;
import io.parley.channel.letter.pdf.LetterDocument.Letterhead;
import io.parley.channel.letter.pdf.LetterDocument.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Every text of a letter made settable by the font, each checked under a name the error can point to. */
final class LetterText {
    private LetterText() {
    }

    static LetterDocument settable(LetterDocument d, LetterFont font) {
        BiFunction<String, String, String> set = (text, field) -> font.settable(text == null ? "" : text, field);
        Letterhead head = new Letterhead(set.apply(d.letterhead().name(), "letterhead name"),
                each(d.letterhead().lines(), "letterhead line", set));
        List<Section> sections = new ArrayList<>();
        for (Section s : d.sections()) {
            sections.add(new Section(set.apply(s.heading(), "heading"), set.apply(s.text(), s.heading())));
        }
        return new LetterDocument(d.locale(), d.paper(), head, set.apply(d.returnAddress(), "return address"),
                each(d.recipient(), "recipient line", set), facts(d.references(), set), set.apply(d.title(), "title"),
                facts(d.facts(), set), each(d.paragraphs(), "paragraph", set), sections,
                set.apply(d.noticesHeading(), "notices heading"), each(d.notices(), "notice", set),
                set.apply(d.footer(), "footer"), d.pageLabel());
    }

    private static List<String> each(List<String> texts, String field, BiFunction<String, String, String> set) {
        List<String> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(set.apply(texts.get(i), field + " " + (i + 1)));
        }
        return out;
    }

    private static List<Fact> facts(List<Fact> facts, BiFunction<String, String, String> set) {
        return facts.stream().map(f -> new Fact(set.apply(f.label(), "label"), set.apply(f.value(), f.label())))
                .toList();
    }
}
