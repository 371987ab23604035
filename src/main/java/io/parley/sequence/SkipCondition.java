package io.parley.sequence;

import java.util.Locale;

/** A condition, evaluated when a step falls due, under which the step is skipped. */
public enum SkipCondition {
    /** The debtor replied since the enrollment started. */
    REPLIED,
    /** The debtor has an open promise to pay. */
    PROMISED_TO_PAY,
    /** An earlier attempt of this enrollment was delivered, on any channel. */
    DELIVERED_BEFORE,
    /** An earlier attempt of this enrollment was delivered on this step's channel. */
    DELIVERED_ON_CHANNEL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean holds(Step step, CaseFacts facts) {
        return switch (this) {
            case REPLIED -> facts.replied();
            case PROMISED_TO_PAY -> facts.promisedToPay();
            case DELIVERED_BEFORE -> !facts.deliveredOn().isEmpty();
            case DELIVERED_ON_CHANNEL -> facts.deliveredOn().contains(step.channel());
        };
    }

    /** Parses a wire name ("replied", "promised_to_pay"...); throws IllegalArgumentException naming the accepted values. */
    public static SkipCondition parse(String value) {
        if (value != null) {
            for (SkipCondition c : values()) {
                if (c.wire().equalsIgnoreCase(value.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown skip condition '" + value
                + "' (expected one of replied, promised_to_pay, delivered_before, delivered_on_channel)");
    }
}
