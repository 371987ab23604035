package io.parley.simulator.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated platform API over HTTP: tokens, their expiry, template sends and their errcodes. */
class PlatformApiTest {
    private static Vertx vertx;
    private static WechatSimulator simulator;
    private static WebClient http;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        simulator = get(WechatSimulator.start(vertx, new WechatSimulator.Settings("127.0.0.1", 0, "wxapp", "sec",
                "tok", "", Duration.ofSeconds(1), Duration.ofHours(1), "http://127.0.0.1:9/none")));
        http = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() throws Exception {
        get(simulator.close());
        get(vertx.close());
    }

    @BeforeEach
    void fresh() {
        simulator.reset();
    }

    private static <T> T get(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static JsonObject token(String secret) throws Exception {
        return get(http.getAbs(simulator.baseUrl() + "/cgi-bin/token").addQueryParam("grant_type", "client_credential")
                .addQueryParam("appid", "wxapp").addQueryParam("secret", secret).send()).bodyAsJsonObject();
    }

    private static JsonObject send(String token, JsonObject body) throws Exception {
        return get(http.postAbs(simulator.baseUrl() + "/cgi-bin/message/template/send")
                .addQueryParam("access_token", token).sendJsonObject(body)).bodyAsJsonObject();
    }

    private static JsonObject message(String to) {
        return new JsonObject().put("touser", to).put("template_id", "TM1")
                .put("data", new JsonObject().put("first", new JsonObject().put("value", "hi")));
    }

    @Test
    void tokensAreIssuedForTheRightSecretAndExpire() throws Exception {
        assertEquals(40125, token("wrong").getInteger("errcode"));
        JsonObject granted = token("sec");
        assertEquals(1, granted.getInteger("expires_in"));
        String token = granted.getString("access_token");
        assertEquals(0, send(token, message("o1")).getInteger("errcode"));
        Thread.sleep(1100);
        assertEquals(42001, send(token, message("o1")).getInteger("errcode"));
        assertEquals(40001, send("made-up", message("o1")).getInteger("errcode"));
        assertEquals(1, simulator.tokensIssued());
    }

    @Test
    void scriptedErrcodesComeOneASendThenItSends() throws Exception {
        String token = token("sec").getString("access_token");
        simulator.script("o2", 45009, 43101);
        assertEquals(45009, send(token, message("o2")).getInteger("errcode"));
        JsonObject refused = send(token, message("o2"));
        assertEquals(43101, refused.getInteger("errcode"));
        assertEquals("user refuse to accept the msg", refused.getString("errmsg"));
        JsonObject sent = send(token, message("o2"));
        assertEquals(0, sent.getInteger("errcode"));
        assertTrue(sent.getLong("msgid") > 0);
        assertEquals(3, simulator.templates().size());
        assertEquals("hi", simulator.templates().get(2).value("first"));
    }

    @Test
    void unsubscribedUsersAndMalformedRequestsAreRefused() throws Exception {
        String token = token("sec").getString("access_token");
        simulator.unsubscribe("o3");
        assertEquals(43004, send(token, message("o3")).getInteger("errcode"));
        assertEquals(40003, send(token, message("")).getInteger("errcode"));
        assertEquals(40037, send(token, message("o4").put("template_id", "")).getInteger("errcode"));
    }
}
