package io.parley.simulator.twilio;

import io.vertx.core.MultiMap;
import java.util.Optional;

/** The checks Twilio makes on a call create, in its order, with its error codes. */
final class CallValidation {
    private CallValidation() {
    }

    static Optional<TwilioError> check(MultiMap form) {
        String to = form.get("To");
        String from = form.get("From");
        String url = form.get("Url");
        String callback = form.get("StatusCallback");
        if (isBlank(to)) {
            return error(21201, "No 'To' number is specified");
        }
        if (isBlank(from)) {
            return error(21213, "No 'From' number is specified");
        }
        if (!isEndpoint(to)) {
            return error(21211, "Invalid 'To' Phone Number: " + to);
        }
        if (!isEndpoint(from)) {
            return error(21212, "Invalid 'From' Phone Number: " + from);
        }
        if (isBlank(url) && isBlank(form.get("Twiml")) && isBlank(form.get("ApplicationSid"))) {
            return error(21205, "Either a 'Url', 'Twiml' or 'ApplicationSid' parameter is required.");
        }
        if (!isBlank(url) && !WebhookUrls.isValid(url)) {
            return error(21205, "Url is not a valid URL: " + url);
        }
        if (callback != null && !WebhookUrls.isValid(callback)) {
            return error(21609, "Invalid StatusCallback: " + callback);
        }
        return Optional.empty();
    }

    /** A phone number in E.164, or a Twilio Client or SIP endpoint. */
    private static boolean isEndpoint(String value) {
        return PhoneNumbers.isAddress(value) || value.startsWith("client:") || value.startsWith("sip:");
    }

    private static Optional<TwilioError> error(int code, String message) {
        return Optional.of(TwilioError.invalid(code, message));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
