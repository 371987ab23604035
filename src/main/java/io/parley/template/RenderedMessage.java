package io.parley.template;

import java.util.Map;

/**
 * A template rendered for one debtor in one locale, in its channel's {@link MessageShape}. The set of kinds is closed:
 * each shape renders to one of them, and every kind says how it is kept on the attempt.
 */
public sealed interface RenderedMessage permits SmsMessage, EmailMessage, VoiceScript, CallScript, WechatMessage,
        LetterContent {

    /** Exactly what was sent, as kept on the attempt for the record (field names as in the timeline). */
    Map<String, Object> record();
}
