package io.parley.simulator.twilio;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An SMS a person sends to one of the account's numbers, as Twilio records it and posts it to the number's webhook. */
record InboundSms(MessageResource message) {

    static InboundSms of(String accountSid, String from, String to, String body, Instant receivedAt) {
        String text = body == null ? "" : body;
        MessageResource message = new MessageResource(Sids.next("SM"), accountSid, from, to, null, text, "inbound",
                "received", null, SegmentCount.of(text), 0, receivedAt, receivedAt, receivedAt, null);
        return new InboundSms(message);
    }

    Map<String, String> webhookParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", message.accountSid());
        params.put("ApiVersion", MessageResource.API_VERSION);
        params.put("Body", message.body());
        params.put("From", message.from());
        params.put("MessageSid", message.sid());
        params.put("NumMedia", Integer.toString(message.numMedia()));
        params.put("NumSegments", Integer.toString(message.numSegments()));
        params.put("SmsMessageSid", message.sid());
        params.put("SmsSid", message.sid());
        params.put("SmsStatus", message.status());
        params.put("To", message.to());
        return params;
    }
}
