package io.parley.testing;

import io.parley.simulator.twilio.CalleeScript;
import io.parley.simulator.twilio.SimulatedCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Debtors who are called, and the callee side of their calls on the harness's Twilio simulator. */
public final class CallFixtures {
    private CallFixtures() {
    }

    /** A New York debtor (Regulation F) whose mobile takes calls and texts. */
    public static JsonObject usDebtor(String caseId, String sequence, String phone, ZoneId zone) {
        JsonObject body = EnrollmentBodies.request(caseId, sequence, phone, null, zone);
        body.getJsonObject("debtor").getJsonArray("contactPoints").add(new JsonObject()
                .put("channel", "voice").put("address", phone).put("type", "mobile").put("consent", true));
        return body;
    }

    /** A Shanghai debtor (China's rules) whose one contact point is a number to call. */
    public static JsonObject chineseDebtor(String caseId, String debtorId, String sequence, String phone,
                                           ZoneId zone) {
        JsonObject body = usDebtor(caseId, sequence, phone, zone);
        body.getJsonObject("debtor").put("id", debtorId).put("name", "张伟").put("locale", "zh-CN")
                .put("address", new JsonObject().put("country", "CN").put("region", "SH").put("city", "上海")
                        .put("postalCode", "200000").put("lines", new JsonArray().add("人民路1号")));
        body.getJsonObject("account").put("currency", "CNY");
        return body;
    }

    /** How the callee at a number behaves from now on. */
    public static void callee(ServiceHarness harness, String to, String answeredBy, String status,
                              String... digits) {
        harness.twilio.callee(new CalleeScript(to, answeredBy, status, List.of(digits)));
    }

    /** The calls placed to a number, oldest first. */
    public static List<SimulatedCall> callsTo(ServiceHarness harness, String to) {
        return harness.twilio.calls().stream().filter(c -> to.equals(c.param("To"))).toList();
    }

    /** The transcript of the latest call to a number: what was said and keyed, in order. */
    public static List<Map<String, String>> transcript(ServiceHarness harness, String to) {
        List<SimulatedCall> calls = callsTo(harness, to);
        return harness.twilio.transcript(calls.get(calls.size() - 1).sid());
    }

    /** Everything said in a transcript, one entry a line. */
    public static String said(List<Map<String, String>> transcript) {
        return transcript.stream().filter(e -> e.containsKey("said")).map(e -> e.get("said"))
                .collect(Collectors.joining("\n"));
    }
}
