package io.parley.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** A JSON value read as an exact decimal: a decimal string as written, or a JSON number. */
final class JsonDecimals {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    /** What is wrong with a value that is not a decimal, if anything. */
    enum Problem { NONE, NOT_DECIMAL_TEXT, NOT_FINITE, NOT_A_NUMBER }

    /** The decimal read, or null with the problem. */
    record Read(BigDecimal value, Problem problem) {
        static Read of(BigDecimal value) {
            return new Read(value, Problem.NONE);
        }

        static Read refused(Problem problem) {
            return new Read(null, problem);
        }
    }

    private JsonDecimals() {
    }

    static Read read(Object v) {
        if (v instanceof String s) {
            String t = s.strip();
            return DECIMAL.matcher(t).matches() ? Read.of(new BigDecimal(t)) : Read.refused(Problem.NOT_DECIMAL_TEXT);
        }
        if (v instanceof BigDecimal d) {
            return Read.of(d);
        }
        if (v instanceof BigInteger i) {
            return Read.of(new BigDecimal(i));
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? Read.of(BigDecimal.valueOf(d)) : Read.refused(Problem.NOT_FINITE);
        }
        if (v instanceof Number n) {
            return Read.of(BigDecimal.valueOf(n.longValue()));
        }
        return Read.refused(Problem.NOT_A_NUMBER);
    }
}
