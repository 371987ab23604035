package io.parley.channel.handoff;

import io.parley.channel.ChannelContext;
import io.parley.channel.ChannelModule;
import io.parley.channel.RunningChannel;
import io.parley.config.ConfigSection;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.store.LedgerCounting.Counted;
import io.parley.template.MessageShape;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A hand-off step: work the collection engine and its people do (a field visit, an agency placement, a legal
 * referral), orchestrated like every step. Its attempt is a task, sent to the engine as a case event with
 * instructions rendered from the step's template (one text per locale) for the debtor's postal address.
 * Agency placements and legal referrals are no contact: they count as nothing and settle {@code delivered} once
 * handed over.
 */
abstract class HandoffModule implements ChannelModule<HandoffConfig> {
    static final String PROVIDER = "engine";
    /** Hand-off channels: their own attempts are not contacts in an agency's summary. */
    static final List<Channel> CHANNELS = List.of(Channel.VISIT, Channel.AGENCY, Channel.LEGAL);

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public MessageShape shape() {
        return MessageShape.SCRIPT;
    }

    @Override
    public Addressing addressing() {
        return Addressing.POSTAL_ADDRESS;
    }

    @Override
    public ConfigSection<HandoffConfig> config() {
        return new HandoffConfig.Section();
    }

    @Override
    public Counted counts(AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt) {
        return Counted.nothing(madeAt);
    }

    @Override
    public Future<RunningChannel> start(ChannelContext context, HandoffConfig config) {
        TaskDesk desk = new TaskDesk(context, config);
        return Future.succeededFuture(new RunningHandoff(new TaskSender(channel(), desk), desk, config, false));
    }
}
