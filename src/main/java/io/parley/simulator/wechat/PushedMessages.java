package io.parley.simulator.wechat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The XML of what the platform pushes: a user's text message, subscription events, a template's delivery report. */
final class PushedMessages {
    private final String accountId;
    private final AtomicLong msgIds = new AtomicLong(6_054_768_590_064_713_728L);

    PushedMessages(String accountId) {
        this.accountId = accountId;
    }

    long nextMsgId() {
        return msgIds.incrementAndGet();
    }

    String text(String openId, String content, long msgId, Instant at) {
        Map<String, Object> fields = header(openId, at, "text");
        fields.put("Content", content);
        fields.put("MsgId", msgId);
        return XmlFields.write(fields);
    }

    String event(String openId, String event, Instant at) {
        Map<String, Object> fields = header(openId, at, "event");
        fields.put("Event", event);
        if ("subscribe".equals(event) || "unsubscribe".equals(event)) {
            fields.put("EventKey", "");
        }
        return XmlFields.write(fields);
    }

    String templateFinished(String openId, long msgId, String status, Instant at) {
        Map<String, Object> fields = header(openId, at, "event");
        fields.put("Event", "TEMPLATESENDJOBFINISH");
        fields.put("MsgID", msgId);
        fields.put("Status", status);
        return XmlFields.write(fields);
    }

    private Map<String, Object> header(String openId, Instant at, String type) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ToUserName", accountId);
        fields.put("FromUserName", openId);
        fields.put("CreateTime", at.getEpochSecond());
        fields.put("MsgType", type);
        return fields;
    }
}
