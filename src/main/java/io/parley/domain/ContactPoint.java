package io.parley.domain;

/**
 * One way to reach a person: a phone number in E.164 (sms, voice), an email address, a WeChat-style id or a
 * postal address line (letter). consent records whether the debtor consented to this point being used.
 */
public record ContactPoint(Channel channel, String address, ContactType type, boolean consent) {
}
