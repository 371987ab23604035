package io.parley.e2e;

import static io.parley.testing.ServiceHarness.count;
import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.Parley;
import io.parley.simulator.wechat.Push;
import io.parley.simulator.wechat.SimulatedTemplate;
import io.parley.simulator.wechat.WechatSimulator;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WeChat channel end to end, over real HTTP and Postgres: Parley sends template messages to the platform
 * simulator, which reports deliveries and pushes users' messages and events back, signed and encrypted (safe mode).
 */
class WechatChannelTest {
    private static final String APP_ID = "wx7e2d1c0b9a887766";
    private static final String TOKEN = "e2eToken2026";
    private static final String AES_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static ServiceHarness harness;
    private static WechatSimulator wechat;
    private static Parley parley;

    @BeforeAll
    static void start() throws Exception {
        harness = new ServiceHarness();
        wechat = get(WechatSimulator.start(harness.vertx, new WechatSimulator.Settings("127.0.0.1", 0, APP_ID,
                "e2e-secret", TOKEN, AES_KEY, Duration.ofHours(2), Duration.ofMillis(50), "http://127.0.0.1:9/")));
        Path sequences = TestSequences.directory(Files.readString(Path.of("conf/sequences/demo-wechat.yaml")), """
                name: wechat-two
                version: 1
                stopOn: [payment_received, dispute]
                pauseOn: [promise_to_pay]
                onBrokenPromise: second
                steps:
                  - id: first
                    channel: wechat
                    template: demo-wechat-1
                    at: { anchor: enrollment, after: PT0S }
                  - id: second
                    channel: wechat
                    template: demo-wechat-2
                    at: { anchor: previous, after: PT3S }
                """);
        parley = harness.start(Map.of("paths.sequences", sequences.toString(),
                "wechat.gatewayUrl", wechat.baseUrl(), "wechat.appId", APP_ID, "wechat.secret", "e2e-secret",
                "wechat.token", TOKEN, "wechat.encodingAesKey", AES_KEY));
        wechat.pushTo(parley.publicBaseUrl() + "/webhooks/wechat");
    }

    @AfterAll
    static void stop() {
        get(wechat.close());
        harness.close();
    }

    private static void enroll(String caseId, String sequence, String openId) {
        JsonObject body = new JsonObject().put("caseId", caseId).put("sequence", sequence)
                .put("debtor", new JsonObject().put("id", "debtor-" + caseId).put("name", "李伟").put("locale", "zh-CN")
                        .put("timeZone", TestZones.afternoon().getId())
                        .put("address", new JsonObject().put("country", "CN").put("region", "SH").put("city", "上海")
                                .put("postalCode", "200000").put("lines", new JsonArray().add("南京东路1号")))
                        .put("contactPoints", new JsonArray().add(new JsonObject().put("channel", "wechat")
                                .put("address", openId).put("consent", true))))
                .put("account", new JsonObject().put("contractNo", "LN-2026-" + caseId).put("balance", "1500.00")
                        .put("currency", "CNY").put("daysPastDue", 5).put("dueDate", "2026-11-18"));
        var created = harness.post(parley, "/v1/enrollments", body);
        assertEquals(201, created.statusCode(), created.bodyAsString());
    }

    private static List<JsonObject> awaitDelivered(String caseId) {
        return harness.awaitTimeline(parley, caseId, t -> has(t, "attempt.status",
                d -> "wechat".equals(d.getString("channel")) && "delivered".equals(d.getString("status"))), WAIT);
    }

    private static List<SimulatedTemplate> sentTo(String openId) {
        return wechat.templates().stream().filter(t -> t.toUser().equals(openId) && t.errcode() == 0).toList();
    }

    @Test
    void aTemplateMessageGoesOutAndItsDeliveryReportLandsInTheTimeline() {
        enroll("wx-case-send", "demo-wechat", "o-send");
        List<JsonObject> timeline = awaitDelivered("wx-case-send");
        SimulatedTemplate sent = sentTo("o-send").get(0);
        assertEquals("PARLEY-DEMO-REMINDER", sent.templateId());
        assertEquals("LN-2026-wx-case-send", sent.value("keyword1"));
        assertTrue(sent.value("first").contains("李伟"), sent.value("first"));
        assertTrue(has(timeline, "attempt.status", d -> "queued".equals(d.getString("status"))
                && Long.toString(sent.msgId()).equals(d.getString("providerRef"))), timeline.toString());
    }

    @Test
    void anEncryptedPromiseToPayPausesTheCase() {
        enroll("wx-case-promise", "wechat-two", "o-promise");
        awaitDelivered("wx-case-promise");
        Push push = get(wechat.sendText("o-promise", "下周五还500"));
        assertEquals(200, push.status());
        List<JsonObject> timeline = harness.awaitTimeline(parley, "wx-case-promise",
                t -> has(t, "enrollment.paused", d -> true), WAIT);
        assertTrue(has(timeline, "reply.received", d -> "promise_to_pay".equals(d.getString("intent"))
                && "wechat".equals(d.getString("channel")) && "下周五还500".equals(d.getString("text"))));
        assertTrue(has(timeline, "promise.recorded", d -> "500".equals(d.getString("amount"))), timeline.toString());
        ServiceHarness.sleep(4000);
        assertEquals(1, sentTo("o-promise").size(), "paused: nothing more is sent while the promise stands");
    }

    @Test
    void tdOptsTheWechatContactPointOutWithOneEncryptedConfirmation() {
        enroll("wx-case-td", "wechat-two", "o-td");
        awaitDelivered("wx-case-td");
        Push push = get(wechat.sendText("o-td", "退订"));
        assertTrue(push.body().contains("<Encrypt>"), push.body());
        assertTrue(push.replyText().contains("退订成功"), push.reply());
        List<JsonObject> timeline = harness.awaitTimeline(parley, "wx-case-td",
                t -> has(t, "decision", d -> "suppress".equals(d.getString("outcome"))), WAIT);
        assertEquals(1, count(timeline, "contact.opted_out", d -> "wechat".equals(d.getString("channel"))));
        assertEquals(1, sentTo("o-td").size());
        JsonObject debtor = harness.call(parley, HttpMethod.GET, "/v1/debtors/debtor-wx-case-td",
                ServiceHarness.ADMIN_KEY, null).bodyAsJsonObject();
        assertTrue(debtor.encode().contains("opted_out"), debtor.encodePrettily());
    }

    @Test
    void aUserWhoUnsubscribedGetsNoFurtherSends() {
        enroll("wx-case-unsub", "wechat-two", "o-unsub");
        awaitDelivered("wx-case-unsub");
        assertEquals("success", get(wechat.unsubscribe("o-unsub")).body());
        List<JsonObject> timeline = harness.awaitTimeline(parley, "wx-case-unsub",
                t -> has(t, "decision", d -> "suppress".equals(d.getString("outcome"))), WAIT);
        assertTrue(has(timeline, "contact.opted_out", d -> d.getString("reason").contains("unsubscribed")));
        assertEquals(1, sentTo("o-unsub").size());
    }

    @Test
    void aUserThePlatformSaysIsNotSubscribedIsOptedOut() {
        wechat.script("o-43004", 43004);
        enroll("wx-case-43004", "wechat-two", "o-43004");
        List<JsonObject> timeline = harness.awaitTimeline(parley, "wx-case-43004",
                t -> has(t, "decision", d -> "suppress".equals(d.getString("outcome"))), WAIT);
        assertTrue(has(timeline, "attempt.status", d -> "failed".equals(d.getString("status"))
                && "43004".equals(d.getString("errorCode"))), timeline.toString());
        assertTrue(has(timeline, "contact.opted_out", d -> d.getString("reason").contains("43004")));
        assertTrue(sentTo("o-43004").isEmpty());
    }

    @Test
    void anExpiredTokenCostsOneRefresh() {
        enroll("wx-case-token-1", "demo-wechat", "o-token-1");
        awaitDelivered("wx-case-token-1");
        int before = wechat.tokensIssued();
        wechat.expireTokens();
        enroll("wx-case-token-2", "demo-wechat", "o-token-2");
        enroll("wx-case-token-3", "demo-wechat", "o-token-3");
        awaitDelivered("wx-case-token-2");
        awaitDelivered("wx-case-token-3");
        assertEquals(before + 1, wechat.tokensIssued());
        assertEquals(1, sentTo("o-token-2").size());
    }

    @Test
    void aReplayedMsgIdIsIgnored() {
        enroll("wx-case-replay", "demo-wechat", "o-replay");
        awaitDelivered("wx-case-replay");
        assertEquals(200, get(wechat.sendText("o-replay", "我要投诉", 9_100_000_001L)).status());
        Push replay = get(wechat.sendText("o-replay", "我要投诉", 9_100_000_001L));
        assertEquals("success", replay.body());
        ServiceHarness.sleep(500);
        assertEquals(1, count(harness.timeline(parley, "wx-case-replay"), "reply.received", d -> true));
    }

    @Test
    void forgedSignaturesAre403AndXxeIsRefused() {
        var forged = get(harness.http.post(parley.port(), "127.0.0.1", "/webhooks/wechat?timestamp=1&nonce=2"
                + "&signature=" + "0".repeat(40)).sendBuffer(Buffer.buffer("<xml/>")));
        assertEquals(403, forged.statusCode());
        var forgedEcho = get(harness.http.get(parley.port(), "127.0.0.1", "/webhooks/wechat?timestamp=1&nonce=2"
                + "&signature=" + "0".repeat(40) + "&echostr=x").send());
        assertEquals(403, forgedEcho.statusCode());

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml>"
                + "<ToUserName>gh</ToUserName><FromUserName>o-xxe</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>text</MsgType><Content>&x;</Content><MsgId>77</MsgId></xml>";
        Push refused = get(wechat.push("o-xxe", xxe));
        assertEquals(400, refused.status());
        assertFalse(refused.body().contains("root:"), refused.body());
        assertEquals(200, get(harness.http.get(parley.port(), "127.0.0.1", "/health/live").send()).statusCode());
    }
}
