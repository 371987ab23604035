package io.parley.channel.wechat;

import java.util.Set;

/** What the platform's answer to a template message means for the attempt, by its errcode. */
enum Errcodes {
    /** 0: the platform took the message; its msgid follows, its delivery comes later as TEMPLATESENDJOBFINISH. */
    ACCEPTED,
    /** 40001 (invalid credential), 42001 (access_token expired): get a new token and send once more. */
    TOKEN_REJECTED,
    /** 43004 (require subscribe), 43101 (user refuse to accept the msg): the user cannot be sent to any more. */
    OPTED_OUT,
    /** 45009 (daily quota), 45047 (rate), -1 (system busy): nothing was sent; try again later, within policy. */
    DEFERRED,
    /** Anything else: the message is refused, with the code and message. */
    REFUSED;

    private static final Set<Integer> TOKEN = Set.of(40001, 42001);
    private static final Set<Integer> OPT_OUT = Set.of(43004, 43101);
    private static final Set<Integer> LATER = Set.of(45009, 45047, -1);

    static Errcodes of(int errcode) {
        if (errcode == 0) {
            return ACCEPTED;
        }
        if (TOKEN.contains(errcode)) {
            return TOKEN_REJECTED;
        }
        if (OPT_OUT.contains(errcode)) {
            return OPTED_OUT;
        }
        return LATER.contains(errcode) ? DEFERRED : REFUSED;
    }
}
