package io.parley.channel.email;

import io.parley.channel.ChannelContext;
import io.parley.channel.ChannelModule;
import io.parley.channel.ChannelSender;
import io.parley.channel.InboundInbox;
import io.parley.channel.RunningChannel;
import io.parley.config.ConfigSection;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.policy.ContactKind;
import io.parley.simulator.mail.LocalMailServer;
import io.parley.store.LedgerCounting.Counted;
import io.parley.template.MessageShape;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Email over SMTP with Jakarta Mail, replies and bounces read over IMAP or taken on the inbound email route. With no
 * SMTP relay configured it starts the local mail server (SMTP and IMAP).
 */
public final class EmailModule implements ChannelModule<Email> {
    private static final Logger LOG = LoggerFactory.getLogger(EmailModule.class);
    /** A relay's webhook gets what the message was taken as when reading and acting on it took no longer. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    /** How often stored inbound mail that could not be acted on is taken up again. */
    private static final Duration REDELIVERY = Duration.ofSeconds(15);

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String provider() {
        return "smtp";
    }

    @Override
    public MessageShape shape() {
        return MessageShape.EMAIL;
    }

    @Override
    public ConfigSection<Email> config() {
        return new Email.Section();
    }

    /** An email the relay accepted (SENT) is as far as delivery can be known; a bounce comes later as a reply. */
    @Override
    public Optional<AttemptOutcome> settledOutcome(AttemptStatus status) {
        return switch (status) {
            case SENT, DELIVERED -> Optional.of(AttemptOutcome.DELIVERED);
            case UNDELIVERED, FAILED -> Optional.of(AttemptOutcome.FAILED);
            default -> Optional.empty();
        };
    }

    /** An email counts when it is sent (Reg F); one the relay refused reached no one. */
    @Override
    public Counted counts(AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt) {
        return Counted.unlessRefused(status, madeAt, ContactKind.EMAIL);
    }

    @Override
    public Future<RunningChannel> start(ChannelContext context, Email email) {
        InternetAddress from = from(email);
        if (!email.sandbox()) {
            return Future.succeededFuture(running(context, email, from, null));
        }
        LOG.warn("No SMTP relay configured (email.smtp.host): emails go to the local mail server and never "
                + "leave this machine");
        var sims = context.simulators();
        return context.vertx().executeBlocking(() -> LocalMailServer.start(sims.host(), sims.smtpPort(),
                        sims.imapPort()), false)
                .map(local -> running(context, email, from, local));
    }

    private RunningChannel running(ChannelContext context, Email email, InternetAddress from, LocalMailServer local) {
        EmailSender sender = new EmailSender(session(email, local),
                context.providers().blocking(Channel.EMAIL, provider(), email.workers()), from, email.replyDomain(),
                email.user(), email.password().reveal());
        EmailReplies replies = new EmailReplies(context.pool(), context.services(), email.replyDomain(),
                context.metrics(), context.clock());
        InboundInbox inbox = new InboundInbox(Channel.EMAIL, context, ANSWER_WITHIN,
                RawMail.work(context.vertx(), replies));
        Imap imap = email.imap();
        List<VerticleBase> loops = new ArrayList<>();
        loops.add(inbox.redelivery(REDELIVERY));
        if (imap.enabled()) {
            loops.add(new ImapPoller(inbox, new ImapPoller.Settings(imap.host(), imap.port(), imap.ssl(), imap.user(),
                    imap.password().reveal(), imap.folder(), imap.pollInterval())));
        }
        return new RunningChannel() {
            @Override
            public ChannelSender sender() {
                return sender;
            }

            @Override
            public void routes(Router router) {
                new InboundEmailRoute(inbox).mount(router);
            }

            @Override
            public List<VerticleBase> loops() {
                return loops;
            }

            @Override
            public Map<String, String> simulators() {
                return local == null ? Map.of() : Map.of("smtp", "smtp://" + local.host() + ":" + local.smtpPort(),
                        "imap", "imap://" + local.host() + ":" + local.imapPort());
            }

            @Override
            public Future<Void> close() {
                return context.vertx().executeBlocking(() -> {
                    sender.close();
                    if (local != null) {
                        local.close();
                    }
                    return null;
                }, false);
            }
        };
    }

    /**
     * Jakarta Mail looks its stream provider up for every body part it makes; named here, it is made directly
     * instead of by scanning every service file of the class path each time (a tenth of an email's cost otherwise).
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private static Session session(Email email, LocalMailServer local) {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        Properties p = new Properties();
        boolean sandbox = local != null;
        long timeout = email.timeout().toMillis();
        p.put("mail.smtp.host", sandbox ? local.host() : email.smtpHost());
        p.put("mail.smtp.port", String.valueOf(sandbox ? local.smtpPort() : email.smtpPort()));
        p.put("mail.smtp.auth", String.valueOf(!sandbox && email.user() != null && !email.user().isEmpty()));
        p.put("mail.smtp.starttls.enable", String.valueOf(!sandbox && email.startTls()));
        p.put("mail.smtp.starttls.required", String.valueOf(!sandbox && email.startTls()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(timeout));
        p.put("mail.smtp.timeout", String.valueOf(timeout));
        p.put("mail.smtp.writetimeout", String.valueOf(timeout));
        return Session.getInstance(p);
    }

    private static InternetAddress from(Email email) {
        try {
            return new InternetAddress(email.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("email.from: '" + email.from() + "' is not an email address", e);
        }
    }
}
