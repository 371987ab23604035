package io.parley.simulator.twilio;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the callee of one answered call the way Twilio runs TwiML: fetches the call's Url (signed), says each Say
 * (into the transcript), skips Pause, and at each Gather takes the callee's next entry: keys are posted to the
 * Gather's action as Digits (without the finishing key), nothing falls through to the next verb, "hangup" ends the
 * call. Redirect fetches the next document, Dial notes the number and posts DialCallStatus to its action, Hangup or
 * the end of the document ends the call. An application error (not 2xx, not TwiML) is noted and ends the call.
 */
final class CalleeConversation {
    private static final Logger LOG = LoggerFactory.getLogger(CalleeConversation.class);
    /** A flow that loops forever still ends. */
    private static final int MOST_VERBS = 500;

    private final SignedWebhook webhook;
    private final Clock clock;
    private final CallResource call;
    private final CallTranscript transcript;
    private final Deque<String> entries;
    private final boolean keys;
    private int verbs;

    CalleeConversation(SignedWebhook webhook, Clock clock, CallResource call, CalleeScript script,
                       CallTranscript transcript) {
        this.webhook = webhook;
        this.clock = clock;
        this.call = call;
        this.transcript = transcript;
        this.entries = new ArrayDeque<>(script.digits());
        this.keys = script.human();
    }

    /** Requests the call's first instructions (its Url, or the Twiml it was created with). */
    Future<Document> open() {
        if (call.request().url() == null) {
            return Future.succeededFuture(document(call.request().twiml(), "the call's Twiml"));
        }
        return fetch(call.request().url(), Map.of());
    }

    /** Runs a document to the end of the call. */
    Future<Void> play(Document document) {
        return run(document, 0);
    }

    /** Instructions and the URL they came from (relative URLs in them resolve against it). */
    record Document(String url, List<TwimlDocument.Verb> verbs) {
    }

    private Future<Void> run(Document doc, int index) {
        if (index >= doc.verbs().size() || ++verbs > MOST_VERBS) {
            return Future.succeededFuture();
        }
        TwimlDocument.Verb verb = doc.verbs().get(index);
        return switch (verb.name()) {
            case "Say" -> {
                transcript.said(verb.text());
                yield run(doc, index + 1);
            }
            case "Hangup", "Reject" -> Future.succeededFuture();
            case "Redirect" -> fetch(resolve(doc, verb.text()), Map.of()).compose(next -> run(next, 0));
            case "Gather" -> gather(doc, index, verb);
            case "Dial" -> dial(doc, index, verb);
            default -> run(doc, index + 1);
        };
    }

    private Future<Void> gather(Document doc, int index, TwimlDocument.Verb gather) {
        gather.children().stream().filter(v -> v.name().equals("Say")).forEach(say -> transcript.said(say.text()));
        String entry = keys ? entries.poll() : null;
        if (CalleeScript.HANG_UP.equals(entry)) {
            transcript.hungUp();
            return Future.succeededFuture();
        }
        if (entry == null || entry.isEmpty()) {
            return run(doc, index + 1);
        }
        transcript.typed(entry);
        String finish = gather.attributes().getOrDefault("finishOnKey", "#");
        String digits = entry;
        String finishedOn = "";
        if (gather.attribute("numDigits") != null) {
            int most = Integer.parseInt(gather.attribute("numDigits"));
            digits = entry.length() > most ? entry.substring(0, most) : entry;
        } else if (!finish.isEmpty() && entry.contains(finish)) {
            digits = entry.substring(0, entry.indexOf(finish));
            finishedOn = finish;
        }
        String action = gather.attribute("action") == null ? doc.url() : resolve(doc, gather.attribute("action"));
        return fetch(action, Map.of("Digits", digits, "FinishedOnKey", finishedOn)).compose(next -> run(next, 0));
    }

    private Future<Void> dial(Document doc, int index, TwimlDocument.Verb dial) {
        String number = dial.children().isEmpty() ? dial.text() : dial.children().get(0).text();
        transcript.dialed(number);
        if (dial.attribute("action") == null) {
            return run(doc, index + 1);
        }
        return fetch(resolve(doc, dial.attribute("action")), Map.of("DialCallStatus", "completed",
                "DialCallSid", Sids.next("CA"), "DialCallDuration", "1")).compose(next -> run(next, 0));
    }

    private Future<Document> fetch(String url, Map<String, String> extra) {
        Map<String, String> params = CallReport.of(call, 0, clock.instant()).instructionParams();
        params.putAll(extra);
        return webhook.exchange(url, params).transform(ar -> {
            if (ar.failed()) {
                return Future.succeededFuture(failed(url, ar.cause().toString()));
            }
            HttpResponse<Buffer> answer = ar.result();
            if (answer.statusCode() / 100 != 2) {
                return Future.succeededFuture(failed(url, "HTTP " + answer.statusCode()));
            }
            return Future.succeededFuture(document(answer.bodyAsString(), url));
        });
    }

    private Document document(String xml, String url) {
        try {
            return new Document(url, TwimlDocument.parse(xml));
        } catch (IllegalArgumentException e) {
            return failed(url, e.getMessage());
        }
    }

    private Document failed(String url, String why) {
        LOG.debug("call {}: application error at {}: {}", call.sid(), url, why);
        transcript.error(url + ": " + why);
        return new Document(url, List.of());
    }

    private static String resolve(Document doc, String url) {
        return doc.url() == null || doc.url().startsWith("the call") ? url : URI.create(doc.url()).resolve(url)
                .toString();
    }
}
