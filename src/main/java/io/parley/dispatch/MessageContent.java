package io.parley.dispatch;

import io.parley.template.LetterContent;
import io.parley.template.WechatMessage;
import io.parley.template.VoiceScript;
import io.parley.template.EmailMessage;
import io.parley.template.SmsMessage;
import io.parley.template.RenderedMessage;
import io.parley.template.SmsSegments;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The rendered message as kept on the attempt: exactly what was sent, for the record. */
final class MessageContent {
    private MessageContent() {
    }

    static JsonObject json(RenderedMessage message) {
        if (message instanceof SmsMessage sms) {
            SmsSegments seg = sms.segments();
            return new JsonObject().put("text", sms.text()).put("encoding", seg.encoding().name())
                    .put("segments", seg.segments()).put("units", seg.units());
        }
        if (message instanceof EmailMessage email) {
            return new JsonObject().put("subject", email.subject()).put("text", email.text()).put("html", email.html());
        }
        if (message instanceof VoiceScript voice) {
            return new JsonObject().put("script", voice.text());
        }
        if (message instanceof WechatMessage wechat) {
            return new JsonObject().put("title", wechat.title()).put("body", wechat.body());
        }
        LetterContent letter = (LetterContent) message;
        return new JsonObject().put("title", letter.title()).put("paragraphs", new JsonArray(letter.paragraphs()))
                .put("consequences", letter.consequences());
    }
}
