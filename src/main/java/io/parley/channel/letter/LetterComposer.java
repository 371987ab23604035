package io.parley.channel.letter;

import io.parley.channel.letter.pdf.LetterDocument;
import io.parley.channel.letter.pdf.LetterDocument.Fact;
import io.parley.channel.letter.pdf.LetterDocument.Section;
import io.parley.channel.letter.pdf.PaperFormat;
import io.parley.template.LetterContent;
import io.parley.template.LetterFacts;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Puts a rendered letter template, the case facts and the sender together into the document to print: the paper of
 * the letter's country (US Letter in North America and a few others, A4 elsewhere), the recipient block, the date and
 * reference, the facts table (contract, amount, days past due, due date, pay-by date), the template's body and
 * consequences, how to pay, how to reach us and the notices.
 */
public final class LetterComposer {
    private static final Set<String> LETTER_PAPER = Set.of("US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR",
            "PA", "DO", "PR", "SV");

    private final Creditor sender;
    private final Period payWithin;

    public LetterComposer(Creditor sender, Period payWithin) {
        this.sender = sender;
        this.payWithin = payWithin;
    }

    /**
     * @param date the date of the letter, in the sender's zone
     * @throws IllegalArgumentException when the case has no usable postal address
     */
    public LetterDocument compose(UUID letterId, String locale, LetterContent content, LocalDate date,
                                  List<String> notices) {
        LetterFacts facts = content.facts();
        List<String> missing = RecipientAddress.missing(facts.address());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the debtor's postal address lacks " + String.join(", ", missing));
        }
        Locale lang = Locale.forLanguageTag(locale);
        LetterLabels labels = LetterLabels.of(locale);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang);
        List<Fact> table = new ArrayList<>();
        add(table, labels.contractNo(), facts.contractNo());
        add(table, labels.amount(), facts.amount());
        add(table, labels.daysPastDue(), Integer.toString(facts.daysPastDue()));
        add(table, labels.dueDate(), facts.dueDate());
        add(table, labels.payBy(), dates.format(date.plus(payWithin)));
        String contract = facts.contractNo() == null ? "" : facts.contractNo();
        String postal = String.join(", ", sender.address());
        String phone = sender.phone().replace(' ', '\u00A0');
        List<Section> sections = List.of(new Section(labels.consequences(), content.consequences()),
                new Section(labels.howToPay(), labels.pay(sender.payUrl(), phone, contract, lang)),
                new Section(labels.contact(), labels.reach(phone, postal, lang)));
        List<String> recipient = RecipientAddress.lines(facts.name(), facts.address(), sender.country());
        List<String> head = new ArrayList<>(sender.address());
        head.add(sender.phone());
        return new LetterDocument(locale, paper(lang, facts.address().country()),
                new LetterDocument.Letterhead(sender.name(), head), sender.returnLine(), recipient,
                List.of(new Fact(labels.date(), dates.format(date)), new Fact(labels.reference(), letterId.toString())),
                content.title(), table, content.paragraphs(), sections, labels.notices(), notices,
                sender.name() + (postal.isEmpty() ? "" : " · " + postal), labels.page());
    }

    /** US Letter where the letter's locale (or, without a region, the address) is in North America and a few more. */
    static PaperFormat paper(Locale locale, String addressCountry) {
        String region = locale.getCountry().isEmpty() ? addressCountry : locale.getCountry();
        return region != null && LETTER_PAPER.contains(region.toUpperCase(Locale.ROOT))
                ? PaperFormat.US_LETTER : PaperFormat.A4;
    }

    private static void add(List<Fact> table, String label, String value) {
        if (value != null && !value.isBlank()) {
            table.add(new Fact(label, value));
        }
    }
}
