package io.parley.api;

import static io.parley.api.JsonFields.OPTIONAL;

/** The {@code limit} query parameter of a list. */
final class Limits {
    private Limits() {
    }

    /** The limit asked for, or {@code fallback}; a value outside 1..max is noted as a violation. */
    static int of(JsonFields params, int fallback, int max) {
        String text = params.string("limit", OPTIONAL);
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // noted below
        }
        params.invalid("limit", "must be a whole number from 1 to " + max);
        return fallback;
    }
}
