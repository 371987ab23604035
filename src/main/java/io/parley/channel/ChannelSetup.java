package io.parley.channel;

import com.twilio.http.TwilioRestClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.parley.channel.email.EmailSender;
import io.parley.channel.sms.SmsSender;
import io.parley.channel.sms.TwilioClients;
import io.parley.config.Email;
import io.parley.config.ParleyConfig;
import io.parley.config.Sms;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.parley.simulator.mail.LocalMailServer;
import io.parley.simulator.twilio.TwilioSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/**
 * The channels this instance sends on, each with its own bounded worker pool and circuit breaker. With no Twilio
 * account configured it starts the local Twilio simulator; with no SMTP relay, the local mail server.
 */
public final class ChannelSetup {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChannelSetup.class);
    private final Map<Channel, ChannelSender> senders;
    private final String twilioAuthToken;
    private final TwilioSimulator twilioSimulator;
    private final LocalMailServer mailServer;
    private final WorkerExecutor[] pools;

    private ChannelSetup(Map<Channel, ChannelSender> senders, String twilioAuthToken, TwilioSimulator twilioSimulator,
                         LocalMailServer mailServer, WorkerExecutor... pools) {
        this.senders = Map.copyOf(senders);
        this.twilioAuthToken = twilioAuthToken;
        this.twilioSimulator = twilioSimulator;
        this.mailServer = mailServer;
        this.pools = pools;
    }

    public static Future<ChannelSetup> start(Vertx vertx, ParleyConfig config, String publicBaseUrl, Metrics metrics) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(50).minimumNumberOfCalls(20).slidingWindowSize(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(5).build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(metrics.registry());
        Sms sms = config.sms();
        String accountSid = sms.simulated() ? "AC" + randomHex(16) : sms.accountSid();
        String authToken = sms.simulated() ? randomHex(16) : sms.authToken().reveal();
        Future<TwilioSimulator> simulator = sms.simulated()
                ? TwilioSimulator.start(vertx, new TwilioSimulator.Settings(config.simulators().host(),
                        config.simulators().twilioPort(), accountSid, authToken, config.simulators().deliveryDelay()))
                : Future.succeededFuture(null);
        Email email = config.email();
        Future<LocalMailServer> mail = email.sandbox()
                ? vertx.executeBlocking(() -> LocalMailServer.start(config.simulators().host(),
                        config.simulators().smtpPort(), config.simulators().imapPort()), false)
                : Future.succeededFuture(null);
        if (sms.simulated()) {
            LOG.warn("No Twilio account configured (sms.twilio.accountSid): texts go to the local Twilio simulator "
                    + "and never reach a phone");
        }
        if (email.sandbox()) {
            LOG.warn("No SMTP relay configured (email.smtp.host): emails go to the local mail server and never "
                    + "leave this machine");
        }
        return Future.all(simulator, mail).map(ready -> {
            String twilioBase = simulator.result() == null ? sms.baseUrl() : simulator.result().baseUrl();
            WorkerExecutor smsPool = vertx.createSharedWorkerExecutor("sms-sender", sms.workers());
            WorkerExecutor emailPool = vertx.createSharedWorkerExecutor("email-sender", email.workers());
            TwilioRestClient twilio = TwilioClients.create(accountSid, authToken, twilioBase, sms.timeout());
            Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
            senders.put(Channel.SMS, new SmsSender(twilio, calls(smsPool, breakers, metrics, Channel.SMS, "twilio"),
                    sms.from(), publicBaseUrl));
            senders.put(Channel.EMAIL, new EmailSender(session(email, mail.result()),
                    calls(emailPool, breakers, metrics, Channel.EMAIL, "smtp"), from(email), email.replyDomain(),
                    email.user(), email.password().reveal()));
            return new ChannelSetup(senders, authToken, simulator.result(), mail.result(), smsPool, emailPool);
        });
    }

    private static ProviderCalls calls(WorkerExecutor pool, CircuitBreakerRegistry breakers, Metrics metrics,
                                       Channel channel, String provider) {
        CircuitBreaker breaker = breakers.circuitBreaker(channel.wire() + "-" + provider);
        return new ProviderCalls(pool, breaker, metrics, channel, provider);
    }

    private static Session session(Email email, LocalMailServer local) {
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

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public Map<Channel, ChannelSender> senders() {
        return senders;
    }

    public String twilioAuthToken() {
        return twilioAuthToken;
    }

    /** The local Twilio simulator when no Twilio account is configured. */
    public TwilioSimulator twilioSimulator() {
        return twilioSimulator;
    }

    /** The local mail server when no SMTP relay is configured. */
    public LocalMailServer mailServer() {
        return mailServer;
    }

    public Future<Void> close(Vertx vertx) {
        for (WorkerExecutor pool : pools) {
            pool.close();
        }
        Future<Void> sim = twilioSimulator == null ? Future.succeededFuture() : twilioSimulator.close();
        return sim.compose(v -> mailServer == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
            mailServer.close();
            return null;
        }, false));
    }
}
