package io.parley.channel.handoff;

import io.parley.channel.ChannelContext;
import io.parley.channel.RunningChannel;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.policy.ContactKind;
import io.parley.store.LedgerCounting.Counted;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A field visit at the debtor's postal address: a contact, under the policy like every other (the packs' visit
 * rules, or their contact hours), with its lawful window on the task. It ends with the outcome the engine reports
 * ({@code reached}, {@code not_reached}, {@code third_party}, {@code refused}, {@code address_invalid},
 * {@code promised}) or {@code timeout} at its deadline. This module also serves the tasks API and closes tasks past
 * their deadline, for every hand-off kind.
 */
public final class VisitModule extends HandoffModule {
    private volatile Duration deadline;

    @Override
    public Channel channel() {
        return Channel.VISIT;
    }

    @Override
    public List<AttemptOutcome> outcomes() {
        List<AttemptOutcome> all = new ArrayList<>(TaskOutcome.REPORTED);
        all.add(TaskOutcome.TIMEOUT);
        return all;
    }

    /** A visit's outcome always comes with its status change; until then it is open. */
    @Override
    public Optional<AttemptOutcome> settledOutcome(AttemptStatus status) {
        return status == AttemptStatus.FAILED ? Optional.of(AttemptOutcome.FAILED) : Optional.empty();
    }

    /**
     * A visit counts as made from when its task was handed over (so caps hold while it is open); one that met the
     * debtor is a conversation, which starts the lockout; one at an address that does not exist reached nobody.
     */
    @Override
    public Counted counts(AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt) {
        if (status == AttemptStatus.FAILED || outcome.filter(o -> o == TaskOutcome.ADDRESS_INVALID).isPresent()) {
            return Counted.nothing(madeAt);
        }
        boolean met = outcome.filter(o -> o == TaskOutcome.REACHED || o == TaskOutcome.PROMISED
                || o == TaskOutcome.REFUSED).isPresent();
        return new Counted(met ? Set.of(ContactKind.VISIT, ContactKind.VISIT_REACHED) : Set.of(ContactKind.VISIT),
                madeAt);
    }

    /** The deadline passes first (the task takes its timeout branch); this is the dispatcher's last resort. */
    @Override
    public Duration outcomeTimeout(Duration configured) {
        Duration d = deadline;
        return d == null ? configured : d.plusHours(1).compareTo(configured) > 0 ? d.plusHours(1) : configured;
    }

    @Override
    public Future<RunningChannel> start(ChannelContext context, HandoffConfig config) {
        deadline = config.visitDeadline();
        TaskDesk desk = new TaskDesk(context, config);
        return Future.succeededFuture(new RunningHandoff(new TaskSender(channel(), desk), desk, config, true));
    }
}
