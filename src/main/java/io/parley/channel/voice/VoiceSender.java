package io.parley.channel.voice;

import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import io.parley.channel.ChannelSender;
import io.parley.channel.Outbound;
import io.parley.channel.ProviderCalls;
import io.parley.channel.ProviderLookup;
import io.parley.channel.SendResult;
import io.parley.channel.sms.SmsSender;
import io.parley.channel.sms.TwilioClients;
import io.parley.channel.voice.store.VoiceCalls;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.template.CallScript;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Places calls through Twilio's Calls API with the official SDK, on a worker pool: the call is written first (what
 * it may say, the rules it must respect), then placed once, with its own TwiML and status callback URLs, every call
 * progress event asked for, answering-machine detection to the end of the greeting, a ring timeout and a time limit.
 * Failures are told apart as for SMS: refused, not reached, or unknown (never placed again blindly: looked up at
 * Twilio by whom it called and when, {@link CallLookup}).
 */
final class VoiceSender implements ChannelSender {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceSender.class);
    static final List<String> EVENTS = List.of("initiated", "ringing", "answered", "completed");

    private final TwilioRestClient client;
    private final ProviderCalls calls;
    private final Pool pool;
    private final Voice voice;
    private final CallLinks links;
    private final Clock clock;
    private final CallLookup lookup;

    VoiceSender(TwilioRestClient client, ProviderCalls calls, Pool pool, Voice voice, CallLinks links, Clock clock) {
        this.client = client;
        this.calls = calls;
        this.pool = pool;
        this.voice = voice;
        this.links = links;
        this.clock = clock;
        this.lookup = new CallLookup(client, calls, pool, voice.from(), clock);
    }

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    public String provider() {
        return "twilio";
    }

    @Override
    public Future<SendResult> send(Outbound outbound) {
        if (!(outbound.message() instanceof CallScript script)) {
            return Future.succeededFuture(SendResult.failed("wrong_message", "a call needs a call script (a voice "
                    + "template with prompts), not " + outbound.message().getClass().getSimpleName()
                    + "; no call was placed"));
        }
        return VoiceCalls.insert(pool, outbound.attemptId(), outbound.to(), script,
                        CallRulesFrom.of(outbound, voice.agentNumber()), clock.instant())
                .transform(written -> written.failed()
                        ? Future.succeededFuture(SendResult.notAttempted("store", "the call could not be written "
                        + "before placing it: " + written.cause().getMessage()))
                        : place(outbound));
    }

    @Override
    public boolean looksUp() {
        return true;
    }

    /** Asks Twilio for the attempt's call by whom it called and when ({@link CallLookup}). */
    @Override
    public Future<ProviderLookup> lookup(ProviderLookup.Asked attempt) {
        return lookup.lookup(attempt);
    }

    private Future<SendResult> place(Outbound outbound) {
        return calls.call(() -> {
            Call call = Call.creator(new PhoneNumber(outbound.to()), new PhoneNumber(voice.from()),
                            URI.create(links.answer(outbound.attemptId())))
                    .setMethod(HttpMethod.POST)
                    .setStatusCallback(URI.create(links.status(outbound.attemptId())))
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .setStatusCallbackEvent(EVENTS)
                    .setMachineDetection("DetectMessageEnd")
                    .setTimeout((int) voice.ringTimeout().toSeconds())
                    .setTimeLimit((int) voice.longestCall().toSeconds())
                    .create(client);
            return SendResult.accepted(AttemptStatus.QUEUED, call.getSid());
        }, SmsSender::classify, () -> TwilioClients.lastRetryAfter(client)).compose(result -> result.providerRef() == null
                ? Future.succeededFuture(result)
                : VoiceCalls.placed(pool, outbound.attemptId(), result.providerRef(), clock.instant())
                .transform(saved -> {
                    if (saved.failed()) {
                        LOG.warn("Call {} was placed but its SID was not saved (the status callback brings it)",
                                result.providerRef(), saved.cause());
                    }
                    return Future.succeededFuture(result);
                }));
    }
}
