package io.parley.simulator.wechat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A template message the simulated platform was asked to send, with the errcode it answered (0: accepted). */
public record SimulatedTemplate(long msgId, String toUser, String templateId, String url, JsonObject data,
                                int errcode, Instant receivedAt) {

    /** The value of one data field ({"first": {"value": ...}}), or null. */
    public String value(String field) {
        JsonObject entry = data == null ? null : data.getJsonObject(field);
        return entry == null ? null : entry.getString("value");
    }

    JsonObject json() {
        return new JsonObject().put("msgid", msgId).put("touser", toUser).put("template_id", templateId)
                .put("url", url).put("data", data).put("errcode", errcode).put("receivedAt", receivedAt.toString());
    }
}
