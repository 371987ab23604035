package io.parley.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an automated collection call may say, rendered for one debtor in one locale: its prompts by name, the voice
 * and language they are spoken in, and, when the template asks for a second factor, the answer expected (kept out
 * of the record). The prompts said before the right party is verified never disclose the debt (checked at load).
 * The read-back of a promise keyed in during the call is filled in then, in the script's locale and currency.
 *
 * @param locale             the template locale the prompts are written in (amounts and dates read back in it)
 * @param voice              the text-to-speech voice ("Polly.Joanna"); null = the provider's default
 * @param language           the language the prompts are spoken in ("en-US", "zh-CN")
 * @param currency           the account's currency, for reading a promised amount back
 * @param secondFactorAnswer the digits the debtor must key in to confirm who they are; null = none asked
 */
public record CallScript(String locale, String voice, String language, Currency currency, Map<String, String> prompts,
                         String secondFactorAnswer) implements RenderedMessage {

    public static final String VOICE = "voice";
    public static final String LANGUAGE = "language";
    /** Names the company without revealing collection, asks for the debtor: 1 if you are them, 2 if not. */
    public static final String GREETING = "greeting";
    public static final String SECOND_FACTOR = "secondFactor";
    public static final String SECOND_FACTOR_ANSWER = "secondFactorAnswer";
    /** Said when the right party could not be verified: nothing about the account. */
    public static final String UNVERIFIED = "unverified";
    /** For a person who is not the debtor: a message to pass on, third-party safe. */
    public static final String THIRD_PARTY = "thirdParty";
    public static final String DISCLOSURE = "disclosure";
    public static final String MENU = "menu";
    public static final String BALANCE = "balance";
    public static final String PROMISE_AMOUNT = "promiseAmount";
    public static final String PROMISE_DATE = "promiseDate";
    public static final String DATE_REFUSED = "dateRefused";
    /** Reads the promise back ({{promise.amount}}, {{promise.date}}) and asks for 1 to confirm. */
    public static final String PROMISE_CONFIRM = "promiseConfirm";
    public static final String PROMISE_RECORDED = "promiseRecorded";
    public static final String TRANSFER = "transfer";
    public static final String OPTED_OUT = "optedOut";
    public static final String NO_INPUT = "noInput";
    public static final String INVALID = "invalid";
    public static final String GOODBYE = "goodbye";

    /** Every field of a call script template, in the order a call meets them. */
    static final List<String> FIELDS = List.of(VOICE, LANGUAGE, GREETING, SECOND_FACTOR, SECOND_FACTOR_ANSWER,
            UNVERIFIED, THIRD_PARTY, DISCLOSURE, MENU, BALANCE, PROMISE_AMOUNT, PROMISE_DATE, DATE_REFUSED,
            PROMISE_CONFIRM, PROMISE_RECORDED, TRANSFER, OPTED_OUT, NO_INPUT, INVALID, GOODBYE);
    /** The fields every call script must have. */
    static final Set<String> REQUIRED = Set.of(GREETING, DISCLOSURE, MENU, BALANCE, PROMISE_AMOUNT, PROMISE_DATE,
            PROMISE_CONFIRM, PROMISE_RECORDED, OPTED_OUT, NO_INPUT, INVALID, GOODBYE);
    /** The fields that are spoken (the others configure the call). */
    static final Set<String> SPOKEN = Set.of(GREETING, SECOND_FACTOR, UNVERIFIED, THIRD_PARTY, DISCLOSURE, MENU,
            BALANCE, PROMISE_AMOUNT, PROMISE_DATE, DATE_REFUSED, PROMISE_CONFIRM, PROMISE_RECORDED, TRANSFER,
            OPTED_OUT, NO_INPUT, INVALID, GOODBYE);
    /** Prompts that may be said before the right party is verified: they must not reveal the debt. */
    public static final Set<String> BEFORE_VERIFICATION = Set.of(GREETING, SECOND_FACTOR, UNVERIFIED, THIRD_PARTY,
            NO_INPUT, INVALID, GOODBYE);

    /** The call-time values a promise read-back is written with. */
    static final String PROMISE_AMOUNT_VARIABLE = "promise.amount";
    static final String PROMISE_DATE_VARIABLE = "promise.date";
    static final Set<String> CALL_TIME_VARIABLES = Set.of(PROMISE_AMOUNT_VARIABLE, PROMISE_DATE_VARIABLE);

    public CallScript {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(currency, "currency");
        prompts = Collections.unmodifiableMap(new LinkedHashMap<>(prompts));
        if (secondFactorAnswer != null && secondFactorAnswer.isBlank()) {
            secondFactorAnswer = null;
        }
    }

    /** The prompt of that name; empty when the template does not have it. */
    public Optional<String> prompt(String key) {
        return Optional.ofNullable(prompts.get(key));
    }

    /** A prompt every call script has. */
    public String required(String key) {
        return prompt(key).orElseThrow(() -> new IllegalArgumentException("a call script has no prompt '" + key
                + "'"));
    }

    /** Whether the call asks for a second factor before anything about the account is said. */
    public boolean asksSecondFactor() {
        return secondFactorAnswer != null && prompts.containsKey(SECOND_FACTOR);
    }

    /** The promise read back: amount in the account's currency, date in the script's locale. */
    public String readBack(BigDecimal amount, LocalDate date) {
        Locale format = Locale.forLanguageTag(locale);
        return required(PROMISE_CONFIRM)
                .replace(placeholder(PROMISE_AMOUNT_VARIABLE), VariableFormats.amount(amount, currency, format))
                .replace(placeholder(PROMISE_DATE_VARIABLE), VariableFormats.date(date, format));
    }

    /** How a call-time variable stands in a rendered prompt until the call fills it in. */
    static String placeholder(String variable) {
        return "{{" + variable + "}}";
    }

    /** The prompts, voice and language; the second factor's answer is not kept in the record. */
    @Override
    public Map<String, Object> record() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("prompts", prompts);
        if (voice != null) {
            record.put(VOICE, voice);
        }
        record.put(LANGUAGE, language);
        record.put("secondFactor", secondFactorAnswer != null);
        return record;
    }
}
