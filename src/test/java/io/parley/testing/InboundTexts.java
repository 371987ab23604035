package io.parley.testing;

import io.parley.Parley;
import io.parley.simulator.twilio.TwilioSignature;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Texts from debtors as Twilio posts them to the inbound SMS webhook, signed with the account's auth token. */
public final class InboundTexts {
    private final ServiceHarness harness;

    public InboundTexts(ServiceHarness harness) {
        this.harness = harness;
    }

    /** A fresh MessageSid. */
    public static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    public HttpResponse<Buffer> send(Parley parley, String from, String body) {
        return send(parley, sid(), from, body, token());
    }

    public HttpResponse<Buffer> send(Parley parley, String sid, String from, String body, String token) {
        return ServiceHarness.get(sending(parley, sid, from, body, token));
    }

    /** A text on its way, without waiting for the answer: many may be under way at once. */
    public Future<HttpResponse<Buffer>> sending(Parley parley, String sid, String from, String body, String token) {
        String url = parley.publicBaseUrl() + "/webhooks/twilio/sms/inbound";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("AccountSid", harness.twilio.settings().accountSid());
        params.put("From", from);
        params.put("To", "+15005550006");
        params.put("Body", body);
        params.put("NumMedia", "0");
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        params.forEach(form::add);
        return harness.http.post(parley.port(), "127.0.0.1", "/webhooks/twilio/sms/inbound")
                .putHeader("X-Twilio-Signature", TwilioSignature.of(token, url, params)).sendForm(form);
    }

    public String token() {
        return harness.twilio.settings().authToken();
    }

    /** How many texts the simulated Twilio account took for this number. */
    public long textsTo(String phone) {
        return harness.twilio.messages().stream().filter(m -> phone.equals(m.param("To"))).count();
    }
}
