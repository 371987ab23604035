package io.parley.api;

import io.parley.domain.Account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static io.parley.api.JsonFields.REQUIRED;

/** Reads the account of an enrollment: the contract, its balance in its currency, and how overdue it is. */
final class AccountReader {
    /** Balances are below 10^15 units of the currency. */
    static final int MAX_INTEGER_DIGITS = 15;

    private static final Set<String> KEYS = Set.of("contractNo", "balance", "currency", "daysPastDue", "dueDate");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private AccountReader() {
    }

    /** The account, or null when account is null or anything in it was recorded as invalid. */
    static Account read(JsonFields account) {
        if (account == null) {
            return null;
        }
        account.rejectUnknown(KEYS);
        String contractNo = account.text("contractNo", REQUIRED, 128);
        Currency currency = currency(account);
        BigDecimal balance = balance(account, currency);
        Integer daysPastDue = account.integer("daysPastDue", REQUIRED);
        LocalDate dueDate = account.date("dueDate", REQUIRED);
        if (account.violations().touches(account.path())) {
            return null;
        }
        return new Account(contractNo, balance, currency, daysPastDue, dueDate);
    }

    private static Currency currency(JsonFields account) {
        String code = account.string("currency", REQUIRED);
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        Currency currency = null;
        if (CURRENCY_CODE.matcher(code).matches()) {
            try {
                currency = Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                currency = null;
            }
        }
        if (currency == null) {
            account.invalid("currency", "must be an ISO 4217 currency code such as USD");
            return null;
        }
        if (currency.getDefaultFractionDigits() < 0) {
            account.invalid("currency", "is not a currency that money amounts are kept in");
            return null;
        }
        return currency;
    }

    /** The balance scaled to the currency's minor unit; with no valid currency only its sign and size are checked. */
    private static BigDecimal balance(JsonFields account, Currency currency) {
        BigDecimal balance = account.decimal("balance", REQUIRED);
        if (balance == null) {
            return null;
        }
        if (balance.signum() < 0) {
            account.invalid("balance", "must not be negative");
            return null;
        }
        BigDecimal exact = balance.stripTrailingZeros();
        if (exact.precision() - exact.scale() > MAX_INTEGER_DIGITS) {
            account.invalid("balance", "must be less than 10^" + MAX_INTEGER_DIGITS);
            return null;
        }
        if (currency == null) {
            return null;
        }
        int digits = currency.getDefaultFractionDigits();
        if (exact.scale() > digits) {
            account.invalid("balance", "must have at most " + digits + " decimal places for "
                    + currency.getCurrencyCode());
            return null;
        }
        return exact.setScale(digits);
    }
}
