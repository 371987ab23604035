package io.parley.e2e;

import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.Parley;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestZones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With no gateway configured the WeChat simulator starts, and the README's worked example runs against it. */
class WechatDefaultRunTest {
    private ServiceHarness harness;

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theShippedDemoRunsAgainstTheSimulatorsControlRoutes() {
        Parley parley = harness.start(Map.of());
        String simulator = parley.channels().simulators().get("wechat");
        assertTrue(simulator != null && simulator.startsWith("http://127.0.0.1:"), String.valueOf(simulator));

        JsonObject body = new JsonObject().put("caseId", "case-2001").put("sequence", "demo-wechat")
                .put("debtor", new JsonObject().put("id", "debtor-88").put("name", "王芳").put("locale", "zh-CN")
                        .put("timeZone", TestZones.afternoon().getId())
                        .put("address", new JsonObject().put("country", "CN").put("region", "BJ").put("city", "北京")
                                .put("postalCode", "100000").put("lines", new JsonArray().add("长安街1号")))
                        .put("contactPoints", new JsonArray().add(new JsonObject().put("channel", "wechat")
                                .put("address", "oWang_Fang_2001").put("consent", true))))
                .put("account", new JsonObject().put("contractNo", "LN-2026-0088").put("balance", "3000.00")
                        .put("currency", "CNY").put("daysPastDue", 12).put("dueDate", "2026-11-18"));
        var created = harness.post(parley, "/v1/enrollments", body);
        assertEquals(201, created.statusCode(), created.bodyAsString());
        harness.awaitTimeline(parley, "case-2001", t -> has(t, "attempt.status",
                d -> "delivered".equals(d.getString("status"))), Duration.ofSeconds(20));

        JsonArray sent = get(harness.http.getAbs(simulator + "/simulator/templates").send()).bodyAsJsonArray();
        assertEquals("oWang_Fang_2001", sent.getJsonObject(0).getString("touser"));

        JsonObject push = get(harness.http.postAbs(simulator + "/simulator/users/oWang_Fang_2001/messages")
                .sendBuffer(Buffer.buffer("下周五还500"))).bodyAsJsonObject();
        assertEquals(200, push.getInteger("status"), push.encode());
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-2001",
                t -> has(t, "enrollment.paused", d -> true), Duration.ofSeconds(20));
        assertTrue(has(timeline, "reply.received", d -> "promise_to_pay".equals(d.getString("intent"))));
    }
}
