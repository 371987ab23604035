package io.parley.reply;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * One labelled reply of a corpus file (format in conf/replies/LABELLING.md, section 6).
 *
 * @param line      the line in the file, for messages
 * @param section   the section it sits in (empty before the first {@code ## name} line)
 * @param amount    a number, "xF" for a fraction F of the balance, or empty
 * @param date      an ISO day or empty
 * @param channel   the channel the reply came on ("sms" when the file does not say)
 * @param secondary the secondary intent, or null (always null in the seven-column format, which does not label it)
 * @param scope     the channels an opt-out stops ("all" for a cease); empty when nothing is opted out
 */
record LabelledReply(int line, String section, String text, String locale, ReplyIntent intent, String amount,
                     String date, Instant arrivedAt, ZoneId zone, String channel, ReplyIntent secondary,
                     Set<String> scope, boolean fullLabel) {

    boolean english() {
        return locale.startsWith("en");
    }

    /** Whether the row labels its secondary intent and scope (the ten-column format). */
    boolean fullyLabelled() {
        return fullLabel;
    }

    boolean adversarial() {
        return section.startsWith("adversarial");
    }

    /** Whether the label opts out of anything, as the primary or the secondary intent. */
    boolean optsOut() {
        return !scope.isEmpty();
    }
}
