package io.parley.channel.wechat;

import io.parley.template.WechatMessage;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rendered WeChat message as the template-send API takes it: template_id, url, and data of {"value": ...}. A
 * template without data fields sends its title as "first" and its body as "remark", the fields every
 * official-account template has.
 */
final class TemplatePayload {

    private TemplatePayload() {
    }

    static JsonObject of(WechatMessage message) {
        Map<String, String> data = new LinkedHashMap<>(message.data());
        if (data.isEmpty()) {
            data.put("first", message.title());
            data.put("remark", message.body());
        }
        return of(message.templateId(), message.url(), data);
    }

    static JsonObject of(String templateId, String url, Map<String, String> data) {
        JsonObject fields = new JsonObject();
        data.forEach((key, value) -> fields.put(key, new JsonObject().put("value", value)));
        JsonObject body = new JsonObject().put("template_id", templateId);
        if (url != null && !url.isEmpty()) {
            body.put("url", url);
        }
        return body.put("data", fields);
    }
}
