package io.parley.channel.email;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SMTP reply code behind a failed send, wherever Jakarta Mail put it. */
final class SmtpReplies {
    /** Transient negative completion replies (RFC 5321 4.2.2): the same transaction may succeed later. */
    private static final Set<Integer> TRANSIENT = Set.of(421, 450, 451, 452);
    /** A greeting other than 220 is reported in the message only. */
    private static final Pattern GREETING = Pattern.compile("bad greeting.*response: (\\d{3})");

    private SmtpReplies() {
    }

    static boolean transientCode(int code) {
        return TRANSIENT.contains(code);
    }

    /**
     * The reply code of the first failure in the chain that has one (the failed command, a refused recipient or
     * sender, or the greeting), or 0.
     */
    static int code(Throwable error) {
        for (Throwable t = error; t != null; t = next(t)) {
            int code = own(t);
            if (code > 0) {
                return code;
            }
        }
        return 0;
    }

    private static int own(Throwable t) {
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        Matcher greeting = GREETING.matcher(String.valueOf(t.getMessage()));
        return greeting.find() ? Integer.parseInt(greeting.group(1)) : 0;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
