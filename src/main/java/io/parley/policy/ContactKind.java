package io.parley.policy;

import java.util.Locale;

/** What a past contact counts as, for caps: a rule counts some kinds and not others. */
public enum ContactKind {
    /** Every call placed, answered or not. */
    CALL_PLACED,
    /** A call that reached a person: a telephone conversation. */
    CALL_CONNECTED,
    /** A call that reached no one (no answer, busy, failed after dialling), or whose outcome is not yet known. */
    CALL_UNANSWERED,
    /** A call answered by a machine where a message was left. */
    VOICEMAIL,
    SMS, EMAIL, WECHAT, LETTER,
    /** A field visit made (whatever came of it). */
    VISIT,
    /** A field visit that reached the debtor: a conversation in person, which starts the lockout. */
    VISIT_REACHED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactKind parse(String value) {
        if (value != null) {
            for (ContactKind k : values()) {
                if (k.wire().equalsIgnoreCase(value.trim())) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("unknown contact kind '" + value + "' (expected one of call_placed, "
                + "call_connected, call_unanswered, voicemail, sms, email, wechat, letter, visit, visit_reached)");
    }
}
