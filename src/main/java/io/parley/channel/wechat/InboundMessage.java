package io.parley.channel.wechat;

import java.util.Map;

/**
 * One message or event the platform pushed to the account, as decrypted: who sent it (an OpenID), to which account,
 * when (the platform's CreateTime, in seconds), its type, and every field as received.
 */
record InboundMessage(String toUser, String fromUser, long createTime, String msgType, Map<String, String> fields) {
    static final String TEXT = "text";
    static final String EVENT = "event";

    InboundMessage {
        fields = Map.copyOf(fields);
    }

    static InboundMessage of(Map<String, String> fields) {
        String from = required(fields, "FromUserName");
        String to = required(fields, "ToUserName");
        String type = required(fields, "MsgType");
        long createTime;
        try {
            createTime = Long.parseLong(required(fields, "CreateTime"));
        } catch (NumberFormatException e) {
            throw new WechatProtocolException("CreateTime is not a number of seconds");
        }
        return new InboundMessage(to, from, createTime, type, fields);
    }

    /** The text a debtor wrote (text messages). */
    String content() {
        return fields.getOrDefault("Content", "");
    }

    /** The event's name, upper case as the platform spells it (SUBSCRIBE is "subscribe", sent as is). */
    String event() {
        return fields.getOrDefault("Event", "");
    }

    /** The template message a TEMPLATESENDJOBFINISH event reports on (MsgID, as the send answered it). */
    String templateMsgId() {
        return fields.get("MsgID");
    }

    /** The delivery status a TEMPLATESENDJOBFINISH event reports: success, failed:user block, failed: system failed. */
    String status() {
        return fields.getOrDefault("Status", "");
    }

    /**
     * What makes a retry of this message recognisable: its MsgId; for events, which carry none, the sender and
     * CreateTime (with the event and the template message it names, so two template reports in one second differ).
     */
    String dedupeKey() {
        String msgId = fields.get("MsgId");
        if (msgId != null && !msgId.isEmpty()) {
            return "msg:" + msgId;
        }
        String key = "event:" + fromUser + ":" + createTime + ":" + event();
        String template = templateMsgId();
        return template == null ? key : key + ":" + template;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new WechatProtocolException(name + " is missing");
        }
        return value;
    }
}
