package io.parley.reply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a promise to pay says, as far as the reply tells. The amount is either an explicit sum ({@code amount}, in the
 * account's currency: replies rarely name one) or a share of the outstanding balance ({@code fractionOfBalance}: 0.5
 * for "half", 1 for "in full"), never both; either may be missing. {@code date} is the day the debtor named, resolved
 * in the debtor's zone, or null when none was named. The texts are the words the amount and date were read from, for
 * operators; empty when nothing was read.
 */
public record PromiseToPay(BigDecimal amount, BigDecimal fractionOfBalance, LocalDate date, String amountText,
                           String dateText) {
    public PromiseToPay {
        Objects.requireNonNull(amountText, "amountText");
        Objects.requireNonNull(dateText, "dateText");
        if (amount != null && fractionOfBalance != null) {
            throw new IllegalArgumentException("a promise has an amount or a fraction of the balance, not both");
        }
        if (amount != null && amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (fractionOfBalance != null
                && (fractionOfBalance.signum() <= 0 || fractionOfBalance.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("fractionOfBalance must be in (0, 1]: " + fractionOfBalance);
        }
    }

    /** A promise that names neither amount nor date ("I will pay"). */
    public static PromiseToPay unspecified() {
        return new PromiseToPay(null, null, null, "", "");
    }

    public Optional<BigDecimal> explicitAmount() {
        return Optional.ofNullable(amount);
    }

    public Optional<BigDecimal> fraction() {
        return Optional.ofNullable(fractionOfBalance);
    }

    public Optional<LocalDate> promisedDate() {
        return Optional.ofNullable(date);
    }

    /** True when the amount is a share of the balance rather than a sum. */
    public boolean isFraction() {
        return fractionOfBalance != null;
    }

    /** The amount for a known balance: the explicit amount, or the fraction of the balance. */
    public Optional<BigDecimal> amountFor(BigDecimal balance) {
        if (amount != null) {
            return Optional.of(amount);
        }
        return fraction().map(f -> balance.multiply(f).setScale(balance.scale(), java.math.RoundingMode.HALF_UP));
    }
}
