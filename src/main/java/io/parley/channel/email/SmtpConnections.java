package io.parley.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SMTP connections kept open between messages, one per sending worker thread, instead of a connection (connect,
 * EHLO, QUIT) for every message. Before each message the connection is checked (NOOP); one the relay closed is
 * opened again, so a message is only ever written to a connection that answered just before. A connection that
 * failed during a message is closed and never used again. Used from the email worker threads only.
 */
final class SmtpConnections implements AutoCloseable {
    private final Session session;
    private final String user;
    private final String password;
    private final ThreadLocal<Transport> mine = new ThreadLocal<>();
    private final Set<Transport> all = ConcurrentHashMap.newKeySet();

    SmtpConnections(Session session, String user, String password) {
        this.session = session;
        this.user = user;
        this.password = password;
    }

    /** Sends the message (its changes saved) to its recipients on this thread's connection. */
    void send(MimeMessage message) throws MessagingException {
        Transport transport = mine.get();
        if (transport == null || !transport.isConnected()) {
            drop(transport);
            transport = session.getTransport("smtp");
            if (user == null || user.isEmpty()) {
                transport.connect();
            } else {
                transport.connect(user, password);
            }
            mine.set(transport);
            all.add(transport);
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException refused) {
            throw refused; // the relay refused recipients; the session stays usable
        } catch (MessagingException | RuntimeException e) {
            drop(transport);
            throw e;
        }
    }

    private void drop(Transport transport) {
        if (transport == null) {
            return;
        }
        mine.remove();
        all.remove(transport);
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // closing a broken connection: nothing more to do with it
        }
    }

    /** Closes every connection still open (at shutdown). */
    @Override
    public void close() {
        for (Transport t : all) {
            try {
                t.close();
            } catch (MessagingException ignored) {
                // at shutdown a connection that fails to close is dropped all the same
            }
        }
        all.clear();
    }
}
