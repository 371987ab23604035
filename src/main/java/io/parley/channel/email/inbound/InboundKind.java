package io.parley.channel.email.inbound;

/** What an inbound email is: a person answering, a machine answering, or the mail system returning our message. */
public enum InboundKind {
    /** Written by a person (as far as the headers and subject tell). */
    REPLY,
    /** Sent by software on the person's behalf: out-of-office, vacation, auto-acknowledgement, read receipt. */
    AUTO_REPLY,
    /** A delivery failure (or delay) report about a message we sent; see {@link Bounce}. */
    BOUNCE
}
