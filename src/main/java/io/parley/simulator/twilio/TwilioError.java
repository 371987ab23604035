package io.parley.simulator.twilio;

import io.vertx.core.json.JsonObject;

/** An error answer of the Twilio REST API: HTTP status plus Twilio's own error code and text. */
record TwilioError(int status, int code, String message) {
    private static final String MORE_INFO = "https://www.twilio.com/docs/errors/";

    static TwilioError authenticate() {
        return new TwilioError(401, 20003, "Authenticate");
    }

    static TwilioError notFound(String path) {
        return new TwilioError(404, 20404, "The requested resource " + path + " was not found");
    }

    static TwilioError tooManyRequests() {
        return new TwilioError(429, 20429, "Too Many Requests");
    }

    static TwilioError serverFault(int status) {
        return status == 503
                ? new TwilioError(503, 20503, "Service Unavailable")
                : new TwilioError(status, 20500, "An internal server error has occurred");
    }

    static TwilioError invalid(int code, String message) {
        return new TwilioError(400, code, message);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("code", code)
                .put("message", message)
                .put("more_info", MORE_INFO + code)
                .put("status", status);
        if (code == 20003) {
            json.put("detail", "Your AccountSid or AuthToken was incorrect.");
        }
        return json;
    }
}
