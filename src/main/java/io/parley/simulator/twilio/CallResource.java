package io.parley.simulator.twilio;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * One outbound call as the simulated account holds it; each status change makes a new value. As Twilio has it, the
 * start time is when the call was dialled (empty while it is queued) and the duration runs from the answer to the
 * end (empty while the call goes on; 0 for a call never answered).
 */
record CallResource(
        String sid,
        String accountSid,
        String from,
        String to,
        String status,
        String answeredBy,
        Instant dateCreated,
        Instant dateUpdated,
        Instant startTime,
        Instant endTime,
        Instant answeredAt,
        CallRequest request) {

    /** A call just accepted: queued, not dialled yet. */
    static CallResource queued(String sid, String accountSid, String from, String to, Instant now,
                               CallRequest request) {
        return new CallResource(sid, accountSid, from, to, "queued", null, now, now, null, null, null, request);
    }

    CallResource withStatus(String newStatus, Instant at) {
        Instant started = startTime == null && !"queued".equals(newStatus) ? at : startTime;
        Instant answered = answeredAt == null && "in-progress".equals(newStatus) ? at : answeredAt;
        Instant ended = CallOutcome.isFinal(newStatus) ? at : endTime;
        return new CallResource(sid, accountSid, from, to, newStatus, answeredBy, dateCreated, at, started, ended,
                answered, request);
    }

    CallResource answeredBy(String value) {
        return new CallResource(sid, accountSid, from, to, status, value, dateCreated, dateUpdated, startTime,
                endTime, answeredAt, request);
    }

    /** Seconds between answer and hang-up, rounded up; 0 for a call that was never answered. */
    long durationSeconds() {
        if (answeredAt == null || endTime == null) {
            return 0;
        }
        long millis = Duration.between(answeredAt, endTime).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    String uri() {
        return "/" + MessageResource.API_VERSION + "/Accounts/" + accountSid + "/Calls/" + sid + ".json";
    }

    JsonObject toJson() {
        String base = "/" + MessageResource.API_VERSION + "/Accounts/" + accountSid + "/Calls/" + sid;
        return new JsonObject()
                .put("account_sid", accountSid)
                .put("answered_by", answeredBy)
                .put("api_version", MessageResource.API_VERSION)
                .put("caller_name", null)
                .put("date_created", Rfc2822.format(dateCreated))
                .put("date_updated", Rfc2822.format(dateUpdated))
                .put("direction", "outbound-api")
                .put("duration", endTime == null ? null : Long.toString(durationSeconds()))
                .put("end_time", Rfc2822.format(endTime))
                .put("forwarded_from", null)
                .put("from", from)
                .put("from_formatted", from)
                .put("group_sid", null)
                .put("parent_call_sid", null)
                .put("phone_number_sid", null)
                .put("price", null)
                .put("price_unit", "USD")
                .put("queue_time", "0")
                .put("sid", sid)
                .put("start_time", Rfc2822.format(startTime))
                .put("status", status)
                .put("subresource_uris", new JsonObject()
                        .put("notifications", base + "/Notifications.json")
                        .put("recordings", base + "/Recordings.json")
                        .put("events", base + "/Events.json"))
                .put("to", to)
                .put("to_formatted", to)
                .put("trunk_sid", null)
                .put("uri", uri());
    }
}
