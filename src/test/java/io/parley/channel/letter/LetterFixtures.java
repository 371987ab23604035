package io.parley.channel.letter;

import io.parley.channel.letter.pdf.LetterDocument;
import io.parley.domain.Account;
import io.parley.domain.Address;
import io.parley.domain.Channel;
import io.parley.domain.Debtor;
import io.parley.template.Company;
import io.parley.template.LetterContent;
import io.parley.template.MessageContext;
import io.parley.template.MessageShape;
import io.parley.template.OptOutNotices;
import io.parley.template.TemplateCatalog;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Letters of sample cases, rendered from the shipped templates, and PDF text read back. */
public final class LetterFixtures {
    public static final UUID LETTER_ID = UUID.fromString("3f2a9c1b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    public static final LocalDate DATE = LocalDate.of(2026, 12, 7);
    public static final Creditor SENDER = new Creditor("Parley Demo Lending",
            List.of("100 Market Street, Suite 400", "San Francisco, CA 94105"), "US", "+1 800 555 0199",
            "https://parley.local/pay", "Parley Demo Lending");
    static final TemplateCatalog TEMPLATES = TemplateCatalog.loadDirectory(Path.of("conf/templates"),
            OptOutNotices.defaults(), Map.of(Channel.SMS, MessageShape.TEXT, Channel.VOICE, MessageShape.SCRIPT,
                    Channel.EMAIL, MessageShape.EMAIL, Channel.WECHAT, MessageShape.CARD,
                    Channel.LETTER, MessageShape.LETTER));

    private LetterFixtures() {
    }

    public static Debtor debtor(String name, String locale, Address address) {
        return new Debtor("debtor-1", name, locale, null, address, List.of());
    }

    public static Address newYork() {
        return new Address("US", "NY", "New York", "10001", List.of("1 Main St", "Apt 4B"));
    }

    public static Address shanghai() {
        return new Address("CN", "上海市", "浦东新区", "200120", List.of("世纪大道100号", "环球金融中心32楼"));
    }

    public static LetterContent content(String template, Debtor debtor, String amount, String currency) {
        Account account = new Account("LN-2026-0042", new BigDecimal(amount), Currency.getInstance(currency), 45,
                LocalDate.of(2026, 10, 23));
        MessageContext ctx = new MessageContext(debtor, account, Map.of(),
                new Company(SENDER.name(), SENDER.phone()), Map.of(MessageContext.PAY_LINK, SENDER.payUrl()));
        return (LetterContent) TEMPLATES.render(template, debtor.locale(), ctx);
    }

    public static LetterDocument document(String template, Debtor debtor, String amount, String currency,
                                          List<String> notices) {
        return new LetterComposer(SENDER, Period.ofDays(14)).compose(LETTER_ID, debtor.locale(),
                content(template, debtor, amount, currency), DATE, notices);
    }

    public static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replace('\u00A0', ' ');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
