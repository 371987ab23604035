package io.parley.template;

/**
 * What a channel's templates hold per locale and what they render to. Each shape renders to one kind of
 * {@link RenderedMessage}: TEXT to an {@link SmsMessage} (with the opt-out notice), EMAIL to an {@link EmailMessage}
 * (with the opt-out footer and link), SCRIPT to a {@link VoiceScript} (one text read out) or a
 * {@link CallScript} (a call's prompts), CARD to a {@link WechatMessage}, LETTER to a
 * {@link LetterContent}.
 */
public enum MessageShape {
    TEXT, EMAIL, SCRIPT, CARD, LETTER
}
