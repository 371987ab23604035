package io.parley.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A MIME message whose Message-ID is ours (it names the attempt), not one the mail library makes up. */
final class AttemptMessage extends MimeMessage {
    private final String messageId;

    AttemptMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
