package io.parley.template;

import io.parley.domain.Account;
import io.parley.domain.Debtor;
import java.util.Map;
import java.util.Objects;

/**
 * What a message is rendered with: the case (debtor and account), free variables supplied by the collection engine
 * (exposed to templates as variables.&lt;key&gt;), the company and the links (exposed as links.optOut, links.pay).
 */
public record MessageContext(Debtor debtor, Account account, Map<String, String> variables, Company company,
                             Map<String, String> links) {

    /** Key of the opt-out link in {@link #links()}; every SMS and email needs it. */
    public static final String OPT_OUT_LINK = "optOut";
    /** Key of the payment link in {@link #links()}. */
    public static final String PAY_LINK = "pay";

    public MessageContext {
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(company, "company");
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        links = links == null ? Map.of() : Map.copyOf(links);
    }
}
