package io.parley.channel.voice;

import com.twilio.http.TwilioRestClient;
import io.parley.channel.ChannelContext;
import io.parley.channel.ChannelModule;
import io.parley.channel.ChannelSender;
import io.parley.channel.Pacing;
import io.parley.channel.RunningChannel;
import io.parley.channel.sms.TwilioAccount;
import io.parley.channel.sms.TwilioClients;
import io.parley.channel.voice.flow.CallOutcomes;
import io.parley.config.ConfigSection;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.simulator.twilio.TwilioSimulator;
import io.parley.store.LedgerCounting.Counted;
import io.parley.template.MessageShape;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Voice IVR calls through Twilio: calls placed with the Calls API, a call flow served as TwiML from per-call
 * webhooks (verify the right party, disclose, menu, keypad promises, agents, opt-out), call statuses and what each
 * call counts as. With no Twilio account configured it starts a local Twilio simulator that plays the callee.
 */
public final class VoiceModule implements ChannelModule<Voice> {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceModule.class);
    /** How long a call that cannot start for want of a free line waits before it is tried again. */
    private static final Duration SLOT_WAIT = Duration.ofSeconds(10);

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    public String provider() {
        return "twilio";
    }

    @Override
    public MessageShape shape() {
        return MessageShape.SCRIPT;
    }

    @Override
    public ConfigSection<Voice> config() {
        return new Voice.Section();
    }

    @Override
    public List<AttemptOutcome> outcomes() {
        return CallOutcomes.ALL;
    }

    /** A call's outcome comes with its final status; these stand in when it did not (refused before dialling). */
    @Override
    public Optional<AttemptOutcome> settledOutcome(AttemptStatus status) {
        return switch (status) {
            case DELIVERED -> Optional.of(AttemptOutcome.DELIVERED);
            case UNDELIVERED -> Optional.of(AttemptOutcome.NO_ANSWER);
            case FAILED -> Optional.of(AttemptOutcome.FAILED);
            default -> Optional.empty();
        };
    }

    @Override
    public Counted counts(AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt) {
        return new Counted(CallOutcomes.counts(status, outcome), madeAt);
    }

    @Override
    public Future<RunningChannel> start(ChannelContext context, Voice voice) {
        TwilioAccount account = voice.account();
        if (!account.simulated()) {
            return Future.succeededFuture(running(context, voice, account.accountSid(), account.authToken().reveal(),
                    account.baseUrl(), null));
        }
        LOG.warn("No Twilio account configured for calls (voice.twilio.accountSid): calls go to a local Twilio "
                + "simulator that plays the callee, and never reach a phone");
        String accountSid = "AC" + TwilioAccount.randomHex(16);
        String authToken = TwilioAccount.randomHex(16);
        var sims = context.simulators();
        return TwilioSimulator.start(context.vertx(), new TwilioSimulator.Settings(sims.host(), voice.simulatorPort(),
                        accountSid,
                        authToken, sims.deliveryDelay()))
                .map(simulator -> running(context, voice, accountSid, authToken, simulator.baseUrl(), simulator));
    }

    private RunningChannel running(ChannelContext context, Voice voice, String accountSid, String authToken,
                                   String baseUrl, TwilioSimulator simulator) {
        TwilioRestClient twilio = TwilioClients.create(accountSid, authToken, baseUrl, voice.timeout());
        CallLinks links = new CallLinks(context.publicBaseUrl());
        VoiceSender sender = new VoiceSender(twilio, context.providers().blocking(Channel.VOICE, provider(),
                voice.workers()), context.pool(), voice, links, context.clock());
        CallWebhooks webhooks = new CallWebhooks(authToken, context.publicBaseUrl(),
                new CallTurns(context.pool(), context.services(), links, (int) voice.listenTimeout().toSeconds(),
                        context.clock()),
                new CallStatusWebhook(context.pool(), context.services(), context.metrics(), context.clock()),
                context.metrics());
        Pacing pacing = new Pacing(voice.callsPerSecond(), voice.maxConcurrentCalls(),
                voice.ringTimeout().plus(voice.longestCall()), SLOT_WAIT);
        return new RunningChannel() {
            @Override
            public ChannelSender sender() {
                return sender;
            }

            @Override
            public Optional<Pacing> pacing() {
                return Optional.of(pacing);
            }

            @Override
            public void routes(Router router) {
                webhooks.mount(router, context.forms());
            }

            @Override
            public Map<String, String> simulators() {
                return simulator == null ? Map.of() : Map.of("twilio-voice", simulator.baseUrl());
            }

            @Override
            public Future<Void> close() {
                return simulator == null ? Future.succeededFuture() : simulator.close();
            }
        };
    }
}
