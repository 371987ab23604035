package io.parley.api;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.parley.domain.Channel;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Checks and normalises the address of a contact point for its channel: phone numbers to E.164, email addresses to
 * a bare address with a lower-case domain, WeChat ids as given. A refusal is an IllegalArgumentException whose
 * message completes the field's name ("is not a valid phone number").
 */
final class ContactAddresses {
    static final int MAX_EMAIL = 254;
    static final int MAX_WECHAT_ID = 64;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Number kinds that cannot receive a text message. */
    private static final Set<PhoneNumberType> NOT_TEXTABLE = EnumSet.of(PhoneNumberType.FIXED_LINE,
            PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST,
            PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL);

    private ContactAddresses() {
    }

    /**
     * The E.164 form of a phone number; national numbers are read in defaultRegion (ISO 3166 alpha-2, or null when
     * the debtor's country is unknown, in which case only international "+..." numbers are accepted).
     */
    /**
     * A contact point address as its channel's format wants it; a postal address is taken as given. Throws
     * IllegalArgumentException saying what is wrong.
     */
    static String normalise(Channel channel, String raw, String defaultRegion) {
        return switch (channel.format()) {
            case PHONE -> phone(raw, defaultRegion, channel);
            case EMAIL -> email(raw);
            case ACCOUNT_ID -> wechatId(raw);
            case POSTAL -> raw;
        };
    }

    static String phone(String raw, String defaultRegion, Channel channel) {
        PhoneNumber number;
        try {
            number = PHONES.parse(raw, defaultRegion == null ? "ZZ" : defaultRegion);
        } catch (NumberParseException e) {
            if (e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE && defaultRegion == null) {
                throw new IllegalArgumentException("must be in international format (+country code...) when the "
                        + "debtor's country is not known");
            }
            throw new IllegalArgumentException("is not a phone number");
        }
        if (!PHONES.isValidNumber(number)) {
            throw new IllegalArgumentException("is not a valid phone number");
        }
        PhoneNumberType kind = PHONES.getNumberType(number);
        if (channel == Channel.SMS && NOT_TEXTABLE.contains(kind)) {
            throw new IllegalArgumentException("is not a number that can receive text messages ("
                    + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
        if (channel == Channel.VOICE && kind == PhoneNumberType.PREMIUM_RATE) {
            throw new IllegalArgumentException("is a premium-rate number");
        }
        return PHONES.format(number, PhoneNumberFormat.E164);
    }

    /** A bare address (no display name) whose domain has a dot; the domain is lower-cased. */
    static String email(String raw) {
        if (raw.length() > MAX_EMAIL) {
            throw new IllegalArgumentException("must be at most " + MAX_EMAIL + " characters");
        }
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(raw, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("is not a valid email address");
        }
        String address = parsed.getAddress();
        if (parsed.getPersonal() != null || parsed.isGroup() || !raw.equals(address)) {
            throw new IllegalArgumentException("must be a bare email address such as name@example.com");
        }
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1);
        if (at <= 0 || !domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")
                || domain.startsWith("[")) {
            throw new IllegalArgumentException("is not a valid email address");
        }
        return address.substring(0, at + 1) + domain.toLowerCase(Locale.ROOT);
    }

    /** A WeChat id or OpenID: 1-64 characters without spaces or control characters. */
    static String wechatId(String raw) {
        if (raw.length() > MAX_WECHAT_ID) {
            throw new IllegalArgumentException("must be at most " + MAX_WECHAT_ID + " characters");
        }
        if (raw.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("must not contain spaces or control characters");
        }
        return raw;
    }
}
