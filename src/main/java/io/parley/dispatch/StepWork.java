package io.parley.dispatch;

import io.parley.channel.Outbound;
import io.parley.store.ClaimedStep;
import io.parley.store.Decisions;
import io.parley.store.NewAttempt;
import io.parley.store.TimelineEntry;

import java.time.Instant;
import java.util.List;

/** What running one due step comes to, before anything is written. */
sealed interface StepWork {
    ClaimedStep step();

    /** A contact point can be chosen: it is chosen again and decided inside the debtor-locked write transaction. */
    record Contact(ClaimedStep step) implements StepWork {
    }

    /** Allowed: commit the attempt as SENDING, then hand it to its channel; wait for its outcome until awaitUntil. */
    record Send(ClaimedStep step, NewAttempt attempt, Decisions.Recorded decision, Outbound outbound,
                Instant awaitUntil) implements StepWork {
    }

    /** Deferred by the policy: the step waits and is evaluated again at releaseAt. */
    record Wait(ClaimedStep step, Decisions.Recorded decision, Instant releaseAt, String heldBy) implements StepWork {
        Wait(ClaimedStep step, Decisions.Recorded decision, Instant releaseAt) {
            this(step, decision, releaseAt, null);
        }
    }

    /** Suppressed (with its decision) or skipped (with its timeline note): the sequence moves on without a contact. */
    record Pass(ClaimedStep step, Decisions.Recorded decision, List<TimelineEntry> notes) implements StepWork {
    }

    /** The outcome of an attempt never came in time: the sequence moves on as if the outcome were unknown. */
    record GiveUpWaiting(ClaimedStep step) implements StepWork {
    }

    /** Working the step out failed: it is tried again later, and the failure is on its timeline. */
    record Failed(ClaimedStep step, RuntimeException error) implements StepWork {
    }
}
