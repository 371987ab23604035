package io.parley.dispatch;

import io.parley.template.RenderedMessage;
import io.vertx.core.json.JsonObject;

/** The rendered message as kept on the attempt: exactly what was sent, for the record. */
final class MessageContent {
    private MessageContent() {
    }

    static JsonObject json(RenderedMessage message) {
        return JsonObject.of().mergeIn(new JsonObject(new java.util.LinkedHashMap<>(message.record())));
    }
}
