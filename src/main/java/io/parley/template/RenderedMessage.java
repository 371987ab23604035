package io.parley.template;

/** A template rendered for one debtor in one locale, shaped for its channel. */
public sealed interface RenderedMessage permits SmsMessage, EmailMessage, VoiceScript, WechatMessage, LetterContent {
}
