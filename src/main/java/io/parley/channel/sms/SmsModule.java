package io.parley.channel.sms;

import com.twilio.http.TwilioRestClient;
import io.parley.channel.ChannelContext;
import io.parley.channel.ChannelModule;
import io.parley.channel.InboundInbox;
import io.parley.channel.ProviderForm;
import io.parley.channel.ChannelSender;
import io.parley.channel.RunningChannel;
import io.parley.config.ConfigSection;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.policy.ContactKind;
import io.parley.simulator.twilio.TwilioSimulator;
import io.parley.store.LedgerCounting.Counted;
import io.parley.template.MessageShape;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * SMS through Twilio's Messages API: texts with the opt-out notice, signed status callbacks, inbound texts. With no
 * Twilio account configured it starts the local Twilio simulator.
 */
public final class SmsModule implements ChannelModule<Sms> {
    private static final Logger LOG = LoggerFactory.getLogger(SmsModule.class);
    /** Form bodies of Twilio's webhooks are small; anything larger is refused before parsing. */
    /** Twilio waits 15 s for a webhook's answer: a reply routed within this gets its confirmation in the answer. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    /** How often inbound texts whose routing failed are taken up again. */
    private static final Duration REDELIVERY = Duration.ofSeconds(15);

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String provider() {
        return "twilio";
    }

    @Override
    public MessageShape shape() {
        return MessageShape.TEXT;
    }

    @Override
    public ConfigSection<Sms> config() {
        return new Sms.Section();
    }


    /** A text the provider refused reached no one; every other, its outcome unknown included, is a text sent. */
    @Override
    public Counted counts(AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt) {
        return Counted.unlessRefused(status, madeAt, ContactKind.SMS);
    }

    @Override
    public Future<RunningChannel> start(ChannelContext context, Sms sms) {
        String accountSid = sms.simulated() ? "AC" + TwilioAccount.randomHex(16) : sms.accountSid();
        String authToken = sms.simulated() ? TwilioAccount.randomHex(16) : sms.authToken().reveal();
        if (!sms.simulated()) {
            return Future.succeededFuture(running(context, sms, accountSid, authToken, sms.baseUrl(), null));
        }
        LOG.warn("No Twilio account configured (sms.twilio.accountSid): texts go to the local Twilio simulator "
                + "and never reach a phone");
        var sims = context.simulators();
        return TwilioSimulator.start(context.vertx(), new TwilioSimulator.Settings(sims.host(), sims.twilioPort(),
                        accountSid, authToken, sims.deliveryDelay()))
                .map(simulator -> running(context, sms, accountSid, authToken, simulator.baseUrl(), simulator));
    }

    private RunningChannel running(ChannelContext context, Sms sms, String accountSid, String authToken,
                                   String baseUrl, TwilioSimulator simulator) {
        TwilioRestClient twilio = TwilioClients.create(accountSid, authToken, baseUrl, sms.timeout());
        SmsSender sender = new SmsSender(twilio, context.providers().blocking(Channel.SMS, provider(), sms.workers()),
                sms.from(), context.publicBaseUrl());
        InboundInbox inbox = new InboundInbox(Channel.SMS, context, ANSWER_WITHIN,
                TwilioInboundWebhook.work(context.services()));
        return new RunningChannel() {
            @Override
            public ChannelSender sender() {
                return sender;
            }

            @Override
            public void routes(Router router) {
                var body = ProviderForm.reader(context.forms());
                router.post(SmsSender.STATUS_PATH).handler(body).handler(new TwilioStatusWebhook(authToken,
                        context.publicBaseUrl(), context.services(), context.metrics()));
                router.post(TwilioInboundWebhook.PATH).handler(body).handler(new TwilioInboundWebhook(authToken,
                        context.publicBaseUrl(), inbox, context.metrics()));
            }

            @Override
            public List<VerticleBase> loops() {
                return List.of(inbox.redelivery(REDELIVERY));
            }

            @Override
            public Map<String, String> simulators() {
                return simulator == null ? Map.of() : Map.of("twilio", simulator.baseUrl());
            }

            @Override
            public Future<Void> close() {
                return simulator == null ? Future.succeededFuture() : simulator.close();
            }
        };
    }
}
