package io.parley.simulator.twilio;

import io.vertx.core.MultiMap;
import java.util.Optional;

/** The checks Twilio makes on a message create, in its order, with its error codes. */
final class MessageValidation {
    static final int MAX_BODY_CHARACTERS = 1600;

    private MessageValidation() {
    }

    static Optional<TwilioError> check(MultiMap form) {
        String to = form.get("To");
        String from = form.get("From");
        String service = form.get("MessagingServiceSid");
        String body = form.get("Body");
        String callback = form.get("StatusCallback");
        if (isBlank(to)) {
            return error(21604, "A 'To' phone number is required.");
        }
        if (!PhoneNumbers.isAddress(to)) {
            return error(21211, "Invalid 'To' Phone Number: " + to);
        }
        if (isBlank(from) && isBlank(service)) {
            return error(21603, "A 'From' phone number is required.");
        }
        if (!isBlank(from) && !PhoneNumbers.isSender(from)) {
            return error(21212, "Invalid From Number (caller ID): " + from);
        }
        if (!isBlank(service) && !Sids.isValid("MG", service)) {
            return error(21701, "The Messaging Service Sid " + service + " is invalid.");
        }
        if (isBlank(body) && form.getAll("MediaUrl").isEmpty() && isBlank(form.get("ContentSid"))) {
            return error(21602, "Message body is required.");
        }
        if (body != null && body.length() > MAX_BODY_CHARACTERS) {
            return error(21617, "The concatenated message body exceeds the " + MAX_BODY_CHARACTERS
                    + " character limit.");
        }
        if (callback != null && !WebhookUrls.isValid(callback)) {
            return error(21609, "Invalid StatusCallback: " + callback);
        }
        return Optional.empty();
    }

    private static Optional<TwilioError> error(int code, String message) {
        return Optional.of(TwilioError.invalid(code, message));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
