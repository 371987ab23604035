package io.parley.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A WeChat-style message: a short title and a body; and, for an official account's template message, the platform
 * template it is sent as, the link it opens and the template's data fields (each null or empty when the template
 * does not give them).
 */
public record WechatMessage(String title, String body, String templateId, String url, Map<String, String> data)
        implements RenderedMessage {
    public WechatMessage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data == null ? Map.of() : data));
    }

    public WechatMessage(String title, String body) {
        this(title, body, null, null, Map.of());
    }

    @Override
    public Map<String, Object> record() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("title", title);
        record.put("body", body);
        if (templateId != null) {
            record.put("templateId", templateId);
        }
        if (url != null) {
            record.put("url", url);
        }
        if (!data.isEmpty()) {
            record.put("data", data);
        }
        return record;
    }
}
