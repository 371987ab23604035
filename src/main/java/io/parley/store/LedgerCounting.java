package io.parley.store;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.policy.ContactKind;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** What a recorded attempt counts as in the contact ledger, and from when: each channel's module says. */
@FunctionalInterface
public interface LedgerCounting {

    Counted counts(Channel channel, AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt);

    /** The kinds of contact an attempt is, counted at an instant (a letter counts when it is expected delivered). */
    record Counted(Set<ContactKind> kinds, Instant at) {
        public Counted {
            kinds = Set.copyOf(kinds);
        }

        public static Counted nothing(Instant at) {
            return new Counted(Set.of(), at);
        }

        /**
         * The usual rule for a message: one the provider refused (FAILED) reached no one and counts as nothing; every
         * other, its outcome unknown included, counts as these kinds from when it was made.
         */
        public static Counted unlessRefused(AttemptStatus status, Instant madeAt, ContactKind... kinds) {
            return status == AttemptStatus.FAILED ? nothing(madeAt) : new Counted(Set.of(kinds), madeAt);
        }
    }
}
