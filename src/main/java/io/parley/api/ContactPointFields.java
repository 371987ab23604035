package io.parley.api;

import io.parley.domain.Channel;

import static io.parley.api.JsonFields.REQUIRED;

/** The channel and address of a contact point named in a request body, checked and normalised. */
final class ContactPointFields {
    private ContactPointFields() {
    }

    /** The channel, required; null (with the violation noted) when missing or unknown. */
    static Channel channel(JsonFields body, boolean required) {
        String text = body.string("channel", required);
        if (text == null) {
            return null;
        }
        try {
            return Channel.parse(text);
        } catch (IllegalArgumentException e) {
            body.invalid("channel", e.getMessage());
            return null;
        }
    }

    static Channel channel(JsonFields body) {
        return channel(body, REQUIRED);
    }

    /** The address in its stored form (E.164 phone numbers...); null (with the violation noted) when not valid. */
    static String address(JsonFields body, Channel channel, String raw) {
        try {
            return ContactAddresses.normalise(channel, raw, null);
        } catch (IllegalArgumentException e) {
            body.invalid("address", e.getMessage());
            return null;
        }
    }
}
