package io.parley.simulator.twilio;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the Twilio REST API (2010-04-01 Messages and Calls) that behaves like the real one towards
 * the official SDK: same paths, authentication, JSON resources, error bodies and signed status callbacks. Scenario
 * methods decide how each destination answers and inject faults; what was received is kept for inspection.
 */
public final class TwilioSimulator {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSimulator.class);

    /** Where the simulator listens, the one account it serves, and how long each delivery step takes. */
    public record Settings(String host, int port, String accountSid, String authToken, Duration deliveryDelay) {
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(deliveryDelay, "deliveryDelay");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("simulator port must be 0..65535, was " + port);
            }
            if (!Sids.isValid("AC", accountSid)) {
                throw new IllegalArgumentException("simulator accountSid must be AC followed by 32 hex digits, was '"
                        + accountSid + "'");
            }
            if (authToken == null || authToken.isBlank()) {
                throw new IllegalArgumentException("simulator authToken is missing");
            }
            if (deliveryDelay.isNegative()) {
                throw new IllegalArgumentException("simulator deliveryDelay must not be negative, was "
                        + deliveryDelay);
            }
        }

        /** Loopback, a free port, fresh random credentials and one second between delivery steps. */
        public static Settings defaults() {
            return new Settings("127.0.0.1", 0, Sids.next("AC"), Sids.next(""),
                    Duration.ofSeconds(1));
        }

        public Settings withPort(int newPort) {
            return new Settings(host, newPort, accountSid, authToken, deliveryDelay);
        }

        public Settings withCredentials(String newAccountSid, String newAuthToken) {
            return new Settings(host, port, newAccountSid, newAuthToken, deliveryDelay);
        }

        public Settings withDeliveryDelay(Duration newDelay) {
            return new Settings(host, port, accountSid, authToken, newDelay);
        }
    }

    private static final int CALLBACK_CONNECTIONS = 128;
    private final Settings settings;
    private final SimulatedAccount account;
    private final SignedWebhook webhook;
    private final Schedule schedule;
    private final WebClient client;
    private final Clock clock;
    private volatile HttpServer server;
    private volatile int port;
    private Vertx vertx;
    private io.vertx.ext.web.Router router;

    private TwilioSimulator(Vertx vertx, Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.account = new SimulatedAccount(settings.accountSid());
        this.schedule = new Schedule(vertx);
        // Twilio calls back on many connections at once; Vert.x's default of 5 would pace every callback
        this.client = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions(),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(CALLBACK_CONNECTIONS));
        Duration backoff = Duration.ofMillis(Math.max(100, settings.deliveryDelay().toMillis()));
        this.webhook = new SignedWebhook(schedule, client, settings.authToken(), backoff);
    }

    public static Future<TwilioSimulator> start(Vertx vertx, Settings settings) {
        TwilioSimulator simulator = new TwilioSimulator(vertx, settings, Clock.systemUTC());
        return simulator.listen(vertx);
    }

    private Future<TwilioSimulator> listen(Vertx vertx) {
        Duration delay = settings.deliveryDelay();
        var messages = new MessagesEndpoint(account,
                new MessageDelivery(account.messages(), account.scenarios(), webhook, schedule, delay, clock),
                schedule, clock);
        var calls = new CallsEndpoint(account,
                new CallProgress(account.calls(), account.scenarios(), webhook, schedule, delay, clock,
                        account::transcript),
                schedule, clock);
        this.vertx = vertx;
        this.router = TwilioApiRoutes.router(vertx, new ApiGuard(account, settings.authToken()), messages, calls);
        SimulatorRoutes.mount(router, account);
        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(settings.port(), settings.host())
                .map(listening -> {
                    server = listening;
                    port = listening.actualPort();
                    LOG.info("Twilio simulator listening on {} for account {}", baseUrl(), settings.accountSid());
                    return this;
                });
    }

    public Settings settings() {
        return settings;
    }

    public int port() {
        return port;
    }

    /** The URL to send API requests to instead of https://api.twilio.com, e.g. "http://127.0.0.1:41234". */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /** How messages or calls to a number end: delivered, undelivered, failed; completed, busy, no-answer, failed. */
    public void outcomeFor(String to, String finalStatus) {
        account.scenarios().outcomeFor(to, finalStatus);
    }

    /** Who answers calls to a number when MachineDetection is on: human (default), machine_start, fax, ... */
    public void answeredByFor(String to, String answeredBy) {
        account.scenarios().answeredBy(to, answeredBy);
    }

    /** How the callee at a number behaves on every call to it from now on (also POST /simulator/callees). */
    public void callee(CalleeScript script) {
        account.scenarios().callee(script);
    }

    /**
     * What was said and keyed in a call, in order (also GET /simulator/calls/{sid}/transcript): each entry one of
     * said, typed, dialed, hungUp, error. Empty for a call not answered (or not known).
     */
    public List<java.util.Map<String, String>> transcript(String callSid) {
        return account.findTranscript(callSid).map(CallTranscript::entries).orElse(List.of());
    }

    /** The next count API requests fail with httpStatus (429 or 5xx); a 429 carries Retry-After when given. */
    public void failNext(int count, int httpStatus, Duration retryAfter) {
        account.faults().failNext(count, httpStatus, retryAfter);
    }

    /**
     * The next count API requests have their connection reset (a TCP RST) instead of an answer: before the request
     * is read (nothing is created), or after a create was accepted (the message or call exists and goes ahead, as
     * with Twilio, but the client never hears so).
     */
    public void resetNext(int count, boolean afterAccepting) {
        account.faults().dropNext(count, afterAccepting ? Faults.Drop.AFTER_ACCEPTING : Faults.Drop.BEFORE_READING,
                false);
    }

    /**
     * As {@link #resetNext}, for the next count call creates only (POST .../Calls.json): every other request, a
     * list of calls or a message, is answered as usual meanwhile.
     */
    public void resetNextCalls(int count, boolean afterAccepting) {
        account.faults().dropNext(count, afterAccepting ? Faults.Drop.AFTER_ACCEPTING : Faults.Drop.BEFORE_READING,
                true);
    }

    /**
     * Stops listening (open connections are closed), so that connecting is refused until {@link #listenAgain()};
     * completes once connections are refused.
     */
    public Future<Void> stopListening() {
        return server.close();
    }

    /** Listens again on the same port after {@link #stopListening()}. */
    public Future<Void> listenAgain() {
        return vertx.createHttpServer().requestHandler(router).listen(port, settings.host()).map(listening -> {
            server = listening;
            return null;
        });
    }

    /** How long a create waits before it answers; the resource exists from the moment the request arrives. */
    public void latency(Duration latency) {
        account.faults().latency(latency);
    }

    public List<SimulatedMessage> messages() {
        return account.receivedMessages();
    }

    public List<SimulatedCall> calls() {
        return account.receivedCalls();
    }

    /** Forgets every resource and record, and clears scenarios, faults and latency. */
    public void reset() {
        account.reset();
    }

    /**
     * Delivers an SMS from a person to one of the account's numbers: posts it, signed, to the number's webhook as
     * Twilio does, and lists it among the account's messages. Completes with the webhook's HTTP status.
     */
    public Future<Integer> sendInboundSms(String webhookUrl, String from, String to, String body) {
        if (!WebhookUrls.isValid(webhookUrl)) {
            return Future.failedFuture(new IllegalArgumentException("inbound SMS webhook URL is not an absolute "
                    + "http(s) URL: '" + webhookUrl + "'"));
        }
        InboundSms sms = InboundSms.of(settings.accountSid(), from, to, body, clock.instant());
        account.messages().add(sms.message().sid(), sms.message());
        return webhook.post(webhookUrl, sms.webhookParams());
    }

    public Future<Void> close() {
        schedule.cancelAll();
        client.close();
        return server == null ? Future.succeededFuture() : server.close();
    }
}
