package io.parley.dispatch;

import io.parley.channel.ChannelSender;
import io.parley.channel.ProviderCalls;
import io.parley.channel.ProviderLookup;
import io.parley.channel.RunningChannels;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.parley.store.Attempts;
import io.parley.store.DueSteps;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Attempts left without a provider answer. Where the channel's provider can be asked (an SMS or a call: Twilio lists
 * the messages or calls to a number), it is: a message it has moves the attempt to its real status; no such message means
 * nothing was sent, and the step runs again. Otherwise an attempt left SENDING (a crash between the commit and the
 * answer) becomes UNKNOWN after dispatch.sendingTimeout: counted as made, never resent blindly.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    /** An UNKNOWN attempt is looked up once the provider has surely settled what it took. */
    static final Duration LOOKUP_UNKNOWN_AFTER = Duration.ofSeconds(30);
    private static final int PER_ROUND = 200;

    private final Pool pool;
    private final Outcomes outcomes;
    private final GroupedChanges answers;
    private final RunningChannels channels;
    private final Metrics metrics;
    private final Clock clock;
    private final Duration sendingTimeout;

    Reconciler(Pool pool, Outcomes outcomes, GroupedChanges answers, RunningChannels channels, Metrics metrics,
               Clock clock, Duration sendingTimeout) {
        this.pool = pool;
        this.outcomes = outcomes;
        this.answers = answers;
        this.channels = channels;
        this.metrics = metrics;
        this.clock = clock;
        this.sendingTimeout = sendingTimeout;
    }

    Future<Void> round() {
        Instant now = clock.instant();
        // asked only when no send of it can still start (ProviderCalls.START_WITHIN) or be under way
        Duration askAfter = sendingTimeout.compareTo(ProviderCalls.START_WITHIN.plusSeconds(60)) > 0 ? sendingTimeout
                : ProviderCalls.START_WITHIN.plusSeconds(60);
        List<Channel> asking = channels.modules().channels().stream()
                .filter(c -> channels.sender(c).map(ChannelSender::looksUp).orElse(false)).toList();
        List<Channel> notAsking = channels.modules().channels().stream().filter(c -> !asking.contains(c)).toList();
        return Attempts.inDoubt(pool, AttemptStatus.SENDING, now.minus(askAfter), asking, PER_ROUND)
                .compose(this::ask)
                .compose(v -> Attempts.inDoubt(pool, AttemptStatus.UNKNOWN, now.minus(LOOKUP_UNKNOWN_AFTER), asking,
                        PER_ROUND))
                .compose(this::ask)
                .compose(v -> Attempts.inDoubt(pool, AttemptStatus.SENDING, now.minus(sendingTimeout), notAsking,
                        PER_ROUND))
                .compose(stale -> outcomes.unknown(stale.stream().map(Attempts.InDoubt::id).toList(),
                        "no answer recorded within " + sendingTimeout))
                .compose(changed -> DueSteps.pending(pool, now))
                .compose(pending -> {
                    metrics.pendingDueSteps(pending);
                    return Attempts.unknownCount(pool);
                })
                .onSuccess(metrics::unknownAttempts)
                .onFailure(e -> LOG.warn("Reconciling attempts without an answer failed", e))
                .otherwiseEmpty().mapEmpty();
    }

    private Future<Void> ask(List<Attempts.InDoubt> attempts) {
        List<Future<?>> asked = new ArrayList<>();
        List<UUID> cannotTell = new ArrayList<>();
        for (Attempts.InDoubt a : attempts) {
            Optional<ChannelSender> sender = channels.sender(a.channel());
            if (sender.isEmpty()) {
                continue;
            }
            asked.add(sender.get().lookup(new ProviderLookup.Asked(a.id(), a.contactAddress(), a.createdAt(),
                    a.content())).compose(answer -> apply(a.id(), answer, cannotTell)));
        }
        return Future.join(asked).<Void>mapEmpty().recover(e -> {
                    LOG.warn("Recording what the provider told of attempts without an answer failed", e);
                    return Future.succeededFuture();
                })
                .compose(v -> outcomes.unknown(cannotTell, "no answer recorded, and the provider cannot tell"))
                .mapEmpty();
    }

    private Future<?> apply(UUID attemptId, ProviderLookup answer, List<UUID> cannotTell) {
        if (answer instanceof ProviderLookup.Found found) {
            return answers.record(new Attempts.Change(attemptId, found.status(), found.providerRef(), null, null,
                    found.outcome()), null, null);
        }
        if (answer instanceof ProviderLookup.Absent) {
            return answers.record(new Attempts.Change(attemptId, AttemptStatus.FAILED, null, "not_at_provider",
                    "the provider has no such message: nothing was sent", null),
                    clock.instant().plus(Dispatcher.NOT_ATTEMPTED_BACKOFF), null);
        }
        synchronized (cannotTell) {
            cannotTell.add(attemptId);
        }
        return Future.succeededFuture();
    }
}
