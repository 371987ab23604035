package io.parley.channel.email;

import io.parley.template.EmailMessage;
import io.parley.channel.ChannelSender;
import io.parley.channel.Outbound;
import io.parley.channel.ProviderCalls;
import io.parley.channel.SendResult;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.vertx.core.Future;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends email over SMTP with Jakarta Mail on a worker pool: text and HTML alternatives, a Message-ID and a Reply-To
 * address that name the attempt (so replies and bounces find it), and one-click List-Unsubscribe.
 */
public final class EmailSender implements ChannelSender, AutoCloseable {
    /** How long a message the mail server asked to send later waits before its step runs again. */
    static final Duration TRY_LATER = Duration.ofMinutes(5);
    private final Session session;
    private final SmtpConnections connections;
    private final ProviderCalls calls;
    private final InternetAddress from;
    private final String replyDomain;

    public EmailSender(Session session, ProviderCalls calls, InternetAddress from, String replyDomain, String user,
                       String password) {
        this.session = session;
        this.calls = calls;
        this.from = from;
        this.replyDomain = replyDomain;
        this.connections = new SmtpConnections(session, user, password);
    }

    /** Closes the SMTP connections kept open between messages. */
    @Override
    public void close() {
        connections.close();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String provider() {
        return "smtp";
    }

    /** The address replies to an attempt go to: its token under the reply domain. */
    public static String replyAddress(String attemptToken, String replyDomain) {
        return "reply+" + attemptToken + "@" + replyDomain;
    }

    @Override
    public Future<SendResult> send(Outbound outbound) {
        if (!(outbound.message() instanceof EmailMessage email)) {
            return Future.succeededFuture(SendResult.failed("wrong_message", "an email needs an email message, not "
                    + outbound.message().getClass().getSimpleName() + "; nothing was sent"));
        }
        String token = outbound.attemptId().toString().replace("-", "");
        String messageId = "<" + outbound.attemptId() + "@" + replyDomain + ">";
        return calls.call(() -> {
            AttemptMessage message = new AttemptMessage(session, messageId);
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(outbound.to(), true));
            message.setReplyTo(new InternetAddress[]{new InternetAddress(replyAddress(token, replyDomain))});
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setHeader("List-Unsubscribe", "<" + outbound.optOutUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Content-Language", outbound.locale());
            MimeMultipart alternatives = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(email.html(), "text/html; charset=UTF-8");
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
            message.saveChanges();
            connections.send(message);
            return SendResult.accepted(AttemptStatus.SENT, messageId);
        }, EmailSender::classify);
    }

    /**
     * A transient SMTP reply (421 service not available, 450 mailbox busy, 451 local error, 452 insufficient storage;
     * greylisting answers so too): nothing was delivered, the step runs again after {@link #TRY_LATER}. Refused
     * recipients or sender (a permanent 5xx) fail the attempt, and a connection that never opened sent nothing.
     * Anything else (a timeout mid-session) may or may not have delivered the message to the relay: unknown, never
     * resent blindly.
     */
    static ProviderCalls.Classified classify(Throwable error) {
        int code = SmtpReplies.code(error);
        if (SmtpReplies.transientCode(code)) {
            return new ProviderCalls.Classified(SendResult.notAttempted("smtp_" + code, "the mail server asks to try "
                    + "later: " + error.getMessage()).retryingAfter(TRY_LATER), "try_later", code != 450);
        }
        if (error instanceof SendFailedException refused) {
            return new ProviderCalls.Classified(SendResult.failed(code > 0 ? "smtp_" + code : "smtp_rejected",
                    refused.getMessage()), "rejected", false);
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new ProviderCalls.Classified(SendResult.notAttempted("connect", "could not connect: " + t.getMessage()),
                        "server_error", true);
            }
        }
        String kind = error instanceof MessagingException ? "server_error" : "client_error";
        return new ProviderCalls.Classified(SendResult.unknown(String.valueOf(error.getMessage())), kind, true);
    }
}
