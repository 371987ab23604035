package io.parley.channel.wechat;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.channel.ChannelServices;
import io.parley.channel.ProviderPools;
import io.parley.channel.ProviderResilience;
import io.parley.channel.SendResult;
import io.parley.channel.wechat.store.TemplateSends;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.parley.simulator.wechat.SimulatedTemplate;
import io.parley.simulator.wechat.WechatSimulator;
import io.parley.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against the platform simulator over real HTTP, with the msgid kept in a real database. */
class TemplateSenderTest {
    private static final String APP_ID = "wx0123456789abcdef";
    private static final String SECRET = "simulated-secret";
    private static Vertx vertx;
    private static Pool pool;
    private static WechatSimulator simulator;
    private static WebClient client;
    private RecordingServices services;
    private Metrics metrics;
    private TemplateSender sender;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        pool = TestPostgres.pool(vertx, TestPostgres.migratedDatabase());
        simulator = get(WechatSimulator.start(vertx, new WechatSimulator.Settings("127.0.0.1", 0, APP_ID, SECRET,
                "tok", "", Duration.ofHours(2), Duration.ofHours(1), "http://127.0.0.1:9/nowhere")));
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        get(simulator.close());
        get(pool.close());
        get(vertx.close());
    }

    @BeforeEach
    void fresh() {
        simulator.reset();
        services = new RecordingServices();
        sender = sender(simulator.baseUrl(), SECRET, Duration.ofSeconds(5));
    }

    private TemplateSender sender(String baseUrl, String secret, Duration timeout) {
        return sender(baseUrl, secret, timeout, ProviderResilience.Settings.defaults());
    }

    private TemplateSender sender(String baseUrl, String secret, Duration timeout, ProviderResilience.Settings guards) {
        OfficialAccountApi api = new OfficialAccountApi(client, baseUrl, APP_ID, secret, timeout);
        metrics = new Metrics(new SimpleMeterRegistry());
        return new TemplateSender(api, new AccessTokens(api::grant, Clock.systemUTC()),
                new ProviderPools(vertx, metrics, guards).nonBlocking(Channel.WECHAT, TemplateSender.PROVIDER),
                new TemplateSends(pool), services, Clock.systemUTC());
    }

    private static JsonObject message() {
        return TemplatePayload.of("TM-REMIND", "https://pay.example/1", Map.of("first", "还款提醒", "remark", "谢谢"));
    }

    private SendResult send(String openId) {
        return get(sender.deliver(UUID.randomUUID(), openId, message()));
    }

    @Test
    void anAcceptedMessageIsQueuedUnderItsMsgidAndKept() {
        UUID attempt = UUID.randomUUID();
        SendResult result = get(sender.deliver(attempt, "o-accepted", message()));
        assertEquals(AttemptStatus.QUEUED, result.status());
        SimulatedTemplate sent = simulator.templates().get(0);
        assertEquals(Long.toString(sent.msgId()), result.providerRef());
        assertEquals("o-accepted", sent.toUser());
        assertEquals("TM-REMIND", sent.templateId());
        assertEquals("https://pay.example/1", sent.url());
        assertEquals("还款提醒", sent.value("first"));
        assertEquals(Optional.of(attempt), get(new TemplateSends(pool).attempt(result.providerRef())));
    }

    @Test
    void oneTokenServesEverySend() {
        for (int i = 0; i < 5; i++) {
            assertEquals(AttemptStatus.QUEUED, send("o-" + i).status());
        }
        assertEquals(1, simulator.tokensIssued());
    }

    @Test
    void anExpiredTokenCostsOneRefreshEvenForConcurrentSends() {
        send("o-first");
        simulator.expireTokens();
        List<Future<SendResult>> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sends.add(sender.deliver(UUID.randomUUID(), "o-" + i, message()));
        }
        get(Future.all(sends));
        sends.forEach(s -> assertEquals(AttemptStatus.QUEUED, s.result().status()));
        assertEquals(2, simulator.tokensIssued());
    }

    @Test
    void anInvalidTokenIsReplacedAndTheMessageSentOnce() {
        send("o-first");
        simulator.revokeTokens();
        assertEquals(AttemptStatus.QUEUED, send("o-second").status());
        assertEquals(2, simulator.tokensIssued());
        assertEquals(1, simulator.templates().stream().filter(t -> t.errcode() == 0
                && t.toUser().equals("o-second")).count());
    }

    @Test
    void notSubscribedOrRefusingUsersAreOptedOutOnThisChannel() {
        simulator.script("o-gone", 43004);
        simulator.script("o-refuses", 43101);
        SendResult gone = send("o-gone");
        SendResult refuses = send("o-refuses");
        assertEquals(AttemptStatus.FAILED, gone.status());
        assertEquals("43004", gone.errorCode());
        assertEquals("require subscribe", gone.errorMessage());
        assertFalse(gone.notAttempted());
        assertEquals("43101", refuses.errorCode());
        assertEquals(List.of("o-gone", "o-refuses"), services.standings.stream()
                .map(RecordingServices.Standing::address).toList());
        RecordingServices.Standing first = services.standings.get(0);
        assertEquals(Channel.WECHAT, first.channel());
        assertEquals(ChannelServices.ContactPointStanding.OPTED_OUT, first.standing());
        assertTrue(first.reason().contains("43004"), first.reason());
    }

    @Test
    void quotaAndRateLimitsLeaveTheAttemptUnsent() {
        simulator.script("o-busy", 45009, 45047);
        SendResult quota = send("o-busy");
        SendResult rate = send("o-busy");
        assertTrue(quota.notAttempted());
        assertEquals("45009", quota.errorCode());
        assertTrue(rate.notAttempted());
        assertEquals("45047", rate.errorCode());
        assertEquals(AttemptStatus.QUEUED, send("o-busy").status(), "the script is used up");
        assertTrue(services.standings.isEmpty());
    }

    @Test
    void otherErrcodesFailWithTheirCodeAndMessage() {
        SendResult noTemplate = get(sender.deliver(UUID.randomUUID(), "o-1",
                TemplatePayload.of("", null, Map.of("first", "x"))));
        assertEquals(AttemptStatus.FAILED, noTemplate.status());
        assertEquals("40037", noTemplate.errorCode());
        assertEquals("invalid template_id", noTemplate.errorMessage());
        assertFalse(noTemplate.notAttempted());
    }

    @Test
    void aWrongSecretSendsNothing() {
        SendResult result = get(sender(simulator.baseUrl(), "wrong", Duration.ofSeconds(5))
                .deliver(UUID.randomUUID(), "o-1", message()));
        assertTrue(result.notAttempted());
        assertEquals("40125", result.errorCode());
        assertTrue(simulator.templates().isEmpty());
    }

    @Test
    void noConnectionSendsNothing() {
        SendResult result = get(sender("http://127.0.0.1:9", SECRET, Duration.ofSeconds(2))
                .deliver(UUID.randomUUID(), "o-1", message()));
        assertTrue(result.notAttempted(), String.valueOf(result));
    }

    @Test
    void noAnswerInTimeIsUnknownNeverResent() {
        AtomicInteger sends = new AtomicInteger();
        var silent = get(vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals(OfficialAccountApi.TOKEN_PATH)) {
                request.response().end(new JsonObject().put("access_token", "T").put("expires_in", 7200).encode());
            }
            // the template send is never answered
            sends.incrementAndGet();
        }).listen(0, "127.0.0.1"));
        try {
            SendResult result = get(sender("http://127.0.0.1:" + silent.actualPort(), SECRET, Duration.ofMillis(500))
                    .deliver(UUID.randomUUID(), "o-1", message()));
            assertEquals(AttemptStatus.UNKNOWN, result.status());
            assertFalse(result.notAttempted());
            assertEquals(2, sends.get(), "the token request and one send: never tried again");
        } finally {
            get(silent.close());
        }
    }

    @Test
    void turnedAwayAtTheDoorIsTriedAgainAfterAPauseAndSentOnce() {
        AtomicInteger sends = new AtomicInteger();
        var busy = get(vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals(OfficialAccountApi.TOKEN_PATH)) {
                request.response().end(new JsonObject().put("access_token", "T").put("expires_in", 7200).encode());
            } else if (sends.incrementAndGet() == 1) {
                request.response().setStatusCode(503).end();
            } else {
                request.response().end(new JsonObject().put("errcode", 0).put("errmsg", "ok").put("msgid", 42).encode());
            }
        }).listen(0, "127.0.0.1"));
        try {
            SendResult result = get(sender("http://127.0.0.1:" + busy.actualPort(), SECRET, Duration.ofSeconds(5))
                    .deliver(UUID.randomUUID(), "o-1", message()));
            assertEquals(AttemptStatus.QUEUED, result.status(), String.valueOf(result));
            assertEquals("42", result.providerRef());
            assertEquals(2, sends.get());
            assertEquals(1.0, metrics.registry().get("parley.provider.errors").tag("kind", "server_error_retried")
                    .counter().count());
        } finally {
            get(busy.close());
        }
    }

    @Test
    void theRateLimiterAndBulkheadGuardTheSendsLikeEveryOtherProvider() {
        ProviderResilience.Settings onePerSecond = new ProviderResilience.Settings(50, 20, 50, Duration.ofSeconds(30),
                1, 2048, 2, Duration.ofSeconds(2));
        TemplateSender limited = sender(simulator.baseUrl(), SECRET, Duration.ofSeconds(5), onePerSecond);
        // both asked for at once: the guards admit or refuse a send when it is asked for
        Future<SendResult> first = limited.deliver(UUID.randomUUID(), "o-1", message());
        Future<SendResult> second = limited.deliver(UUID.randomUUID(), "o-2", message());
        List<SendResult> results = List.of(get(first), get(second));
        assertEquals(1, results.stream().filter(r -> r.status() == AttemptStatus.QUEUED).count(), results.toString());
        SendResult over = results.stream().filter(SendResult::notAttempted).findFirst().orElseThrow();
        assertEquals("rate_limited_here", over.errorCode());
        assertEquals(1, simulator.templates().size(), "nothing went out over the limit");
        assertEquals(1.0, metrics.registry().get("parley.provider.errors").tag("kind", "rate_limited_here")
                .counter().count());
    }
}
