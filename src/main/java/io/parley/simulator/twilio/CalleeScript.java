package io.parley.simulator.twilio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How the person (or machine) at a number behaves when the simulator calls it: who answers, how the call ends, and
 * what they key in, one entry per question (Gather) in order: digits ("1", "500#"), "" for keying nothing, or
 * "hangup" to hang up at that question. Entries left over are not used; a question with no entry left gets nothing.
 */
public record CalleeScript(String to, String answeredBy, String status, List<String> digits) {
    /** The entry that hangs up instead of answering a question. */
    public static final String HANG_UP = "hangup";
    private static final Pattern KEYS = Pattern.compile("[0-9*#]{0,32}");
    private static final int MOST_ENTRIES = 64;

    public CalleeScript {
        if (to == null || !PhoneNumbers.isAddress(to)) {
            throw new IllegalArgumentException("to: '" + to + "' is not a phone number in E.164 (+14155552345)");
        }
        answeredBy = answeredBy == null ? "human" : answeredBy.trim().toLowerCase(Locale.ROOT);
        if (!CallOutcome.ANSWERED_BY.contains(answeredBy)) {
            throw new IllegalArgumentException("answeredBy: '" + answeredBy + "' is not one of "
                    + String.join(", ", new TreeSet<>(CallOutcome.ANSWERED_BY)));
        }
        status = status == null ? "completed" : status.trim().toLowerCase(Locale.ROOT);
        if (!CallOutcome.SCENARIOS.contains(status)) {
            throw new IllegalArgumentException("status: '" + status + "' is not one of "
                    + String.join(", ", new TreeSet<>(CallOutcome.SCENARIOS)));
        }
        digits = List.copyOf(Objects.requireNonNullElse(digits, List.of()));
        if (digits.size() > MOST_ENTRIES) {
            throw new IllegalArgumentException("digits: at most " + MOST_ENTRIES + " entries");
        }
        for (int i = 0; i < digits.size(); i++) {
            String entry = digits.get(i);
            if (entry == null || !(KEYS.matcher(entry).matches() || HANG_UP.equals(entry))) {
                throw new IllegalArgumentException("digits[" + i + "]: '" + entry + "' is not keys (0-9, *, #, at "
                        + "most 32), \"\" for none, or \"" + HANG_UP + "\"");
            }
        }
    }

    /** A script as POST /simulator/callees takes it; IllegalArgumentException names the field that is wrong. */
    public static CalleeScript fromJson(JsonObject json) {
        for (String field : json.fieldNames()) {
            if (!List.of("to", "answeredBy", "status", "digits").contains(field)) {
                throw new IllegalArgumentException(field + ": unknown field (to, answeredBy, status, digits)");
            }
        }
        List<String> digits = new ArrayList<>();
        Object raw = json.getValue("digits");
        if (raw != null && !(raw instanceof JsonArray)) {
            throw new IllegalArgumentException("digits: must be a list of strings");
        }
        if (raw instanceof JsonArray entries) {
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.getValue(i) instanceof String entry)) {
                    throw new IllegalArgumentException("digits[" + i + "]: must be a string");
                }
                digits.add(entry);
            }
        }
        return new CalleeScript(text(json, "to"), text(json, "answeredBy"), text(json, "status"), digits);
    }

    public JsonObject toJson() {
        return new JsonObject().put("to", to).put("answeredBy", answeredBy).put("status", status)
                .put("digits", new JsonArray(digits));
    }

    /** Whether a person answers (a machine or a fax keys nothing). */
    boolean human() {
        return answeredBy.equals("human") || answeredBy.equals("unknown");
    }

    private static String text(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        return (String) value;
    }
}
