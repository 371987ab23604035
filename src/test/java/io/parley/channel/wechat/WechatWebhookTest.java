package io.parley.channel.wechat;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.channel.AttemptChange;
import io.parley.channel.ChannelServices;
import io.parley.channel.wechat.store.TemplateSends;
import io.parley.channel.wechat.store.WechatInbox;
import io.parley.domain.AttemptStatus;
import io.parley.observability.Metrics;
import io.parley.simulator.wechat.Push;
import io.parley.simulator.wechat.WechatSimulator;
import io.parley.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /webhooks/wechat on its own, over real HTTP, with its inbox in a real database, pushed to by the platform
 * simulator in safe mode; what reaches the rest of Parley is recorded.
 */
class WechatWebhookTest {
    private static final String APP_ID = "wx5f1e2d3c4b5a6978";
    private static final String TOKEN = "parleytoken2026";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static Vertx vertx;
    private static Pool pool;
    private static HttpServer server;
    private static WechatSimulator simulator;
    private static WebClient http;
    private static volatile RecordingServices services;
    private static Redelivery redelivery;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        pool = TestPostgres.pool(vertx, TestPostgres.migratedDatabase());
        http = WebClient.create(vertx);
        ChannelServicesProxy proxy = new ChannelServicesProxy();
        TemplateSends sends = new TemplateSends(pool);
        WechatInbox inbox = new WechatInbox(pool);
        Arrivals arrivals = new Arrivals(inbox, new PlatformNews(proxy, sends), vertx, Clock.systemUTC(),
                Duration.ofSeconds(1));
        redelivery = new Redelivery(inbox, arrivals, Clock.systemUTC(), Duration.ofMinutes(1));
        Router router = Router.router(vertx);
        new WechatWebhook(new ServerProtocol(TOKEN, APP_ID, AES_KEY, Clock.systemUTC()), arrivals,
                new Metrics(new SimpleMeterRegistry())).mount(router, 4096);
        server = get(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        simulator = get(WechatSimulator.start(vertx, new WechatSimulator.Settings("127.0.0.1", 0, APP_ID, "s3cret",
                TOKEN, AES_KEY, Duration.ofHours(2), Duration.ofMillis(20), url())));
    }

    /** Lets each test install fresh recorders behind the one webhook. */
    private static final class ChannelServicesProxy implements ChannelServices {
        @Override
        public io.vertx.core.Future<java.util.List<io.parley.store.StatusChange>> record(
                java.util.List<AttemptChange> changes) {
            return services.record(changes);
        }

        @Override
        public io.vertx.core.Future<Void> note(UUID attemptId, String kind, io.vertx.core.json.JsonObject data) {
            return services.note(attemptId, kind, data);
        }

        @Override
        public io.vertx.core.Future<io.parley.inbound.ReplyRouter.Routed> reply(io.parley.inbound.InboundReply reply) {
            return services.reply(reply);
        }

        @Override
        public io.vertx.core.Future<Void> promise(io.parley.domain.Channel channel, UUID attemptId,
                                                  java.math.BigDecimal amount, java.time.LocalDate date,
                                                  String providerRef) {
            return services.promise(channel, attemptId, amount, date, providerRef);
        }

        @Override
        public io.vertx.core.Future<Integer> contactPoint(io.parley.domain.Channel channel, String address,
                                                          ContactPointStanding standing, String reason) {
            return services.contactPoint(channel, address, standing, reason);
        }
    }

    @AfterAll
    static void stop() {
        get(simulator.close());
        get(server.close());
        get(pool.close());
        get(vertx.close());
    }

    @BeforeEach
    void fresh() {
        services = new RecordingServices();
        simulator.reset();
    }

    private static String url() {
        return "http://127.0.0.1:" + server.actualPort() + WechatWebhook.PATH;
    }

    private static HttpResponse<Buffer> post(String query, String body) {
        return get(http.postAbs(url() + query).sendBuffer(Buffer.buffer(body)));
    }

    private static String signedQuery() {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return "?timestamp=" + ts + "&nonce=42&signature=" + Signatures.sign(TOKEN, ts, "42");
    }

    @Test
    void urlVerificationEchoesOnlyWhenSigned() {
        String ts = "1409735669";
        String signature = Signatures.sign(TOKEN, ts, "1320562132");
        var ok = get(http.getAbs(url() + "?signature=" + signature + "&timestamp=" + ts + "&nonce=1320562132"
                + "&echostr=shr5ch").send());
        assertEquals(200, ok.statusCode());
        assertEquals("shr5ch", ok.bodyAsString());
        var forged = get(http.getAbs(url() + "?signature=0" + signature.substring(1) + "&timestamp=" + ts
                + "&nonce=1320562132&echostr=shr5ch").send());
        assertEquals(403, forged.statusCode());
    }

    @Test
    void anEncryptedTextIsAReplyAnsweredWithAnEncryptedPassiveReply() {
        services.answer = "您已退订";
        Push push = get(simulator.sendText("o-reply", "退订"));
        assertEquals(200, push.status());
        assertTrue(push.body().contains("<Encrypt>"), "the answer is sealed: " + push.body());
        assertEquals("您已退订", push.replyText());
        assertEquals(1, services.replies.size());
        assertEquals("退订", services.replies.get(0).text());
        assertEquals("o-reply", services.replies.get(0).from());
    }

    @Test
    void aRetryOrReplayOfTheSameMsgIdChangesNothing() {
        services.answer = "ok";
        Push first = get(simulator.sendText("o-replay", "下周五还500", 7_000_000_001L));
        Push again = get(simulator.sendText("o-replay", "下周五还500", 7_000_000_001L));
        assertEquals("ok", first.replyText());
        assertEquals(200, again.status());
        assertEquals("success", again.body(), "no second reply");
        assertEquals(1, services.replies.size());
    }

    @Test
    void subscriptionsChangeConsent() {
        get(simulator.unsubscribe("o-sub"));
        get(simulator.subscribe("o-sub"));
        assertEquals(2, services.standings.size());
        assertEquals(ChannelServices.ContactPointStanding.OPTED_OUT, services.standings.get(0).standing());
        assertEquals(ChannelServices.ContactPointStanding.VALID, services.standings.get(1).standing());
        assertEquals("o-sub", services.standings.get(1).address());
    }

    @Test
    void aDeliveryReportMovesTheAttemptThatCarriedIt() {
        UUID attempt = UUID.randomUUID();
        get(new TemplateSends(pool).remember("8100", attempt, "o-report", Instant.now()));
        String xml = "<xml><ToUserName><![CDATA[" + simulator.accountId() + "]]></ToUserName><FromUserName>"
                + "<![CDATA[o-report]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]>"
                + "</MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>8100</MsgID><Status><![CDATA["
                + "failed:user block]]></Status></xml>";
        assertEquals("success", get(simulator.push("o-report", xml)).body());
        AttemptChange change = services.changes.get(0);
        assertEquals(attempt, change.attemptId());
        assertEquals(AttemptStatus.UNDELIVERED, change.status());
        assertEquals("user block", change.errorCode());
    }

    @Test
    void aReportThatComesBeforeItsSendIsKnownIsTakenUpAgain() {
        String xml = "<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[o-early]]></FromUserName>"
                + "<CreateTime>1700000001</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA["
                + "TEMPLATESENDJOBFINISH]]></Event><MsgID>8200</MsgID><Status><![CDATA[success]]></Status></xml>";
        assertEquals(200, get(simulator.push("o-early", xml)).status());
        assertTrue(services.changes.isEmpty());
        UUID attempt = UUID.randomUUID();
        get(new TemplateSends(pool).remember("8200", attempt, "o-early", Instant.now()));
        // its lease runs out; a later pass takes it up
        get(pool.query("UPDATE wechat_inbound SET retry_at = now() - interval '1 second' WHERE processed_at IS NULL")
                .execute());
        assertTrue(get(redelivery.runOnce()) >= 1);
        assertEquals(AttemptStatus.DELIVERED, services.changes.get(0).status());
        assertEquals(attempt, services.changes.get(0).attemptId());
    }

    @Test
    void theAnswerComesInTimeEvenWhenTheWorkDoesNot() {
        get(simulator.sendText("o-warm", "hello"));
        services.delay = Duration.ofSeconds(3);
        long start = System.nanoTime();
        Push push = get(simulator.sendText("o-slow", "HELP"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("success", push.body());
        assertEquals(1, push.tries());
        assertTrue(tookMs < 2500, "answered after " + tookMs + " ms");
    }

    @Test
    void forgedPushesAre403() {
        var forged = post("?timestamp=1&nonce=2&signature=" + "0".repeat(40), "<xml/>");
        assertEquals(403, forged.statusCode());
        var noSignature = post("?timestamp=1&nonce=2&encrypt_type=aes", "<xml><Encrypt>AAAA</Encrypt></xml>");
        assertEquals(403, noSignature.statusCode());
        assertTrue(services.replies.isEmpty());
    }

    @Test
    void xxeAndBillionLaughsAreRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><xml>"
                + "<ToUserName>gh</ToUserName><FromUserName>o-x</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>";
        var refused = post(signedQuery(), xxe);
        assertEquals(400, refused.statusCode());
        assertFalse(refused.bodyAsString().contains("TOP-SECRET"));
        String lol = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                + "<xml><Content>&d;</Content></xml>";
        assertEquals(400, post(signedQuery(), lol).statusCode());
        assertTrue(services.replies.isEmpty());
        // and the service still answers
        assertEquals(200, get(simulator.sendText("o-after", "hello")).status());
    }

    @Test
    void oversizedBodiesAre413() {
        assertEquals(413, post(signedQuery(), "<xml>" + "x".repeat(5000) + "</xml>").statusCode());
    }
}
