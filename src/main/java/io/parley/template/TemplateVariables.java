package io.parley.template;

import io.parley.domain.Account;
import io.parley.domain.Debtor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The variables templates may use, and their values for one message. Fixed names come from the case, the company
 * and the links; variables.&lt;key&gt; come from the free variables the collection engine supplies.
 */
final class TemplateVariables {

    static final String FREE_PREFIX = "variables.";
    static final String ACCOUNT_PREFIX = "account.";
    static final String OPT_OUT_LINK = "links.optOut";

    /** Every fixed variable name the renderer provides. */
    static final Set<String> FIXED = Set.of(
            "debtor.name", "debtor.firstName",
            "account.contractNo", "account.contractTail", "account.amount", "account.daysPastDue", "account.dueDate",
            "company.name", "company.phone",
            OPT_OUT_LINK, "links.pay");

    private static final Pattern FREE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private TemplateVariables() {
    }

    /** Whether a template may use this name: a fixed variable or variables.&lt;key&gt; with a simple key. */
    static boolean known(String name) {
        return FIXED.contains(name) || CallScript.CALL_TIME_VARIABLES.contains(name)
                || name.startsWith(FREE_PREFIX) && FREE_KEY.matcher(name.substring(FREE_PREFIX.length())).matches();
    }

    /** Whether the variable reveals the debt (an account detail); such variables are barred from safe content. */
    static boolean disclosesDebt(String name) {
        return name.startsWith(ACCOUNT_PREFIX);
    }

    /** The values available for this context, by dotted name; a blank or missing value is left out. */
    static Map<String, String> values(MessageContext ctx, Locale locale) {
        Map<String, String> values = new LinkedHashMap<>();
        Debtor debtor = ctx.debtor();
        Account account = ctx.account();
        put(values, "debtor.name", debtor.name(), String::strip);
        put(values, "debtor.firstName", debtor.name(), VariableFormats::firstName);
        put(values, "account.contractNo", account.contractNo(), String::strip);
        put(values, "account.contractTail", account.contractNo(), VariableFormats::contractTail);
        if (account.balance() != null && account.currency() != null) {
            values.put("account.amount", VariableFormats.amount(account.balance(), account.currency(), locale));
        }
        values.put("account.daysPastDue", Integer.toString(account.daysPastDue()));
        put(values, "account.dueDate", account.dueDate(), date -> VariableFormats.date(date, locale));
        put(values, "company.name", ctx.company().name(), String::strip);
        put(values, "company.phone", ctx.company().phone(), String::strip);
        put(values, OPT_OUT_LINK, ctx.links().get(MessageContext.OPT_OUT_LINK), String::strip);
        put(values, "links.pay", ctx.links().get(MessageContext.PAY_LINK), String::strip);
        ctx.variables().forEach((key, value) -> {
            if (FREE_KEY.matcher(key).matches()) {
                put(values, FREE_PREFIX + key, value, Function.identity());
            }
        });
        return values;
    }

    /** The dotted values as the nested maps Mustache resolves "debtor.name" against. */
    static Map<String, Object> scope(Map<String, String> values) {
        Map<String, Object> root = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            int dot = name.indexOf('.');
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) root.computeIfAbsent(
                    name.substring(0, dot), k -> new LinkedHashMap<String, Object>());
            group.put(name.substring(dot + 1), value);
        });
        return root;
    }

    private static <T> void put(Map<String, String> values, String name, T raw, Function<T, String> format) {
        if (raw != null) {
            String value = format.apply(raw);
            if (value != null && !value.isBlank()) {
                values.put(name, value);
            }
        }
    }
}
