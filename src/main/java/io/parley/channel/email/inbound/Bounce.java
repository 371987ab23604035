package io.parley.channel.email.inbound;

/**
 * What a delivery failure report says about the message it returns.
 *
 * @param failedRecipient   the address the message could not reach (Original-Recipient when the report gives it, as
 *                          that is the address we sent to, else Final-Recipient, else what a non-standard report
 *                          names); null when the report names none
 * @param status            the enhanced status code, e.g. {@code 5.1.1}; when the report only has a basic SMTP reply
 *                          code, its class as {@code 5.0.0} / {@code 4.0.0}; null when it gives neither
 * @param permanent         true for a 5.x.x status (do not retry the address); 4.x.x is transient (mailbox full,
 *                          greylisting, delays). Without a status, true only when the report says it gave up
 *                          (Action: failed, or "permanent error"-style wording)
 * @param diagnostic        the remote server's words (Diagnostic-Code without its type, or the line that carried the
 *                          code in a non-standard report), whitespace collapsed; may be null
 * @param originalMessageId the Message-ID of the returned message ({@code <...>} form), from the attached original or
 *                          its headers; null when the report does not carry it
 */
public record Bounce(String failedRecipient, String status, boolean permanent, String diagnostic,
                     String originalMessageId) {
}
