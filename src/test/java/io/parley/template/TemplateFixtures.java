package io.parley.template;

import io.parley.domain.Account;
import io.parley.domain.Address;
import io.parley.domain.Debtor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Sample cases and template files shared by the template tests. */
final class TemplateFixtures {
    /** The message shape of each shipped channel, as their channel modules declare it. */
    static final java.util.Map<io.parley.domain.Channel, MessageShape> SHAPES = java.util.Map.of(
            io.parley.domain.Channel.SMS, MessageShape.TEXT, io.parley.domain.Channel.VOICE, MessageShape.SCRIPT,
            io.parley.domain.Channel.EMAIL, MessageShape.EMAIL, io.parley.domain.Channel.WECHAT, MessageShape.CARD,
            io.parley.domain.Channel.LETTER, MessageShape.LETTER);


    static final String OPT_OUT_LINK = "https://parley.example/o/7f3a?c=1&s=sms";
    static final String PAY_LINK = "https://pay.example/p/7f3a";

    private TemplateFixtures() {
    }

    static MessageContext context(String name, String amount, String currency) {
        return context(name, amount, currency, Map.of(), Map.of(MessageContext.OPT_OUT_LINK, OPT_OUT_LINK,
                MessageContext.PAY_LINK, PAY_LINK));
    }

    static MessageContext context(String name, String amount, String currency, Map<String, String> variables,
                                  Map<String, String> links) {
        Debtor debtor = new Debtor("D-1001", name, "en", null,
                new Address("US", "CA", "San Jose", "95110", List.of("1 Main St")), List.of());
        Account account = new Account("LN-2026-004417", new BigDecimal(amount), Currency.getInstance(currency), 35,
                LocalDate.of(2026, 11, 30));
        return new MessageContext(debtor, account, variables, new Company("Acme Finance", "+1 800 555 0100"), links);
    }

    static MessageContext english() {
        return context("Jane Doe", "1234.50", "USD");
    }

    static MessageContext chinese() {
        return context("张伟", "1234.50", "CNY");
    }

    /** Writes a template file into the directory and returns the directory. */
    static Path write(Path dir, String fileName, String yaml) {
        try {
            Files.writeString(dir.resolve(fileName), yaml);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TemplateCatalog catalog(Path dir, String fileName, String yaml) {
        return TemplateCatalog.loadDirectory(write(dir, fileName, yaml), OptOutNotices.defaults(), TemplateFixtures.SHAPES);
    }
}
