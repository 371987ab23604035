package io.parley.channel;

import io.parley.config.ConfigSection;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.store.LedgerCounting;
import io.parley.template.MessageShape;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one channel is, in one package: what its templates hold, who it addresses, its configuration section,
 * which provider statuses are final and what they mean for a sequence, what an attempt counts as in the contact
 * ledger, and - once started - its sender, provider webhooks, loops and local simulator. The service loops over the
 * registered modules ({@link ChannelModules}); adding a channel is one package and one registration line.
 *
 * @param <C> the module's typed configuration, read from its section at start
 */
public interface ChannelModule<C> {

    /** The channel's wire name, as sequences, templates, contact points and rule packs spell it. */
    Channel channel();

    /** The provider's name as recorded on attempts and in metric labels ("twilio", "smtp"). */
    String provider();

    /** What a template for this channel holds and what it renders to. */
    MessageShape shape();

    /** Whom an attempt goes to: one of the debtor's contact points on this channel, or their postal address. */
    default Addressing addressing() {
        return Addressing.CONTACT_POINT;
    }

    /** The module's configuration section: its keys with defaults, read and checked with every other setting. */
    ConfigSection<C> config();

    /**
     * Outcomes beyond the common ones ({@link AttemptOutcome#COMMON}) that this channel's attempts can end in, and so
     * that a step on this channel may branch on (a call is {@code reached}, {@code machine}...).
     */
    default List<AttemptOutcome> outcomes() {
        return List.of();
    }

    /**
     * The outcome a sequence branches on once an attempt's status is final for this channel; empty while it may still
     * change. A module that knows more than the status (a call's flow) reports the outcome with the status change.
     */
    default Optional<AttemptOutcome> settledOutcome(AttemptStatus status) {
        // the delivery-report convention: final once delivered or not; a channel that knows less (email) overrides
        return switch (status) {
            case DELIVERED -> Optional.of(AttemptOutcome.DELIVERED);
            case UNDELIVERED, FAILED -> Optional.of(AttemptOutcome.FAILED);
            default -> Optional.empty();
        };
    }

    /**
     * What an attempt counts as in the contact ledger, and from when: in this status, with this outcome once known.
     * An attempt that reached no one's provider counts as nothing.
     *
     * @param madeAt when the attempt was committed
     */
    LedgerCounting.Counted counts(AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt);

    /**
     * How long a step on this channel waits for its attempt's final outcome before the sequence moves on without it:
     * the service's setting, unless the channel's news takes longer to come (a letter's days in the post).
     */
    default java.time.Duration outcomeTimeout(java.time.Duration configured) {
        return configured;
    }

    /**
     * Starts the channel with its configuration: the local simulator when no provider is configured, worker pools,
     * sender, webhooks and loops. Nothing here blocks the event loop.
     */
    Future<RunningChannel> start(ChannelContext context, C config);


    /** Whom a channel addresses. */
    enum Addressing {
        /** A contact point of the channel (phone number, email address, OpenID). */
        CONTACT_POINT,
        /** The debtor's postal address; no contact point is needed. */
        POSTAL_ADDRESS
    }
}
