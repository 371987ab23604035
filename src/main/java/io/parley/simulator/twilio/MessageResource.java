package io.parley.simulator.twilio;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One message as the simulated account holds it; each status change makes a new value. */
record MessageResource(
        String sid,
        String accountSid,
        String from,
        String to,
        String messagingServiceSid,
        String body,
        String direction,
        String status,
        Integer errorCode,
        int numSegments,
        int numMedia,
        Instant dateCreated,
        Instant dateUpdated,
        Instant dateSent,
        String statusCallback) {

    static final String API_VERSION = "2010-04-01";

    MessageResource withStatus(String newStatus, Integer newErrorCode, Instant at) {
        Instant sent = dateSent == null && "sent".equals(newStatus) ? at : dateSent;
        return new MessageResource(sid, accountSid, from, to, messagingServiceSid, body, direction, newStatus,
                newErrorCode, numSegments, numMedia, dateCreated, at, sent, statusCallback);
    }

    String uri() {
        return "/" + API_VERSION + "/Accounts/" + accountSid + "/Messages/" + sid + ".json";
    }

    JsonObject toJson() {
        String base = "/" + API_VERSION + "/Accounts/" + accountSid + "/Messages/" + sid;
        return new JsonObject()
                .put("account_sid", accountSid)
                .put("api_version", API_VERSION)
                .put("body", body)
                .put("date_created", Rfc2822.format(dateCreated))
                .put("date_sent", Rfc2822.format(dateSent))
                .put("date_updated", Rfc2822.format(dateUpdated))
                .put("direction", direction)
                .put("error_code", errorCode)
                .put("error_message", null)
                .put("from", from)
                .put("messaging_service_sid", messagingServiceSid)
                .put("num_media", Integer.toString(numMedia))
                .put("num_segments", Integer.toString(numSegments))
                .put("price", null)
                .put("price_unit", "USD")
                .put("sid", sid)
                .put("status", status)
                .put("subresource_uris", new JsonObject()
                        .put("media", base + "/Media.json")
                        .put("feedback", base + "/Feedback.json"))
                .put("to", to)
                .put("uri", uri());
    }
}
