package io.parley.store;

import java.time.Instant;

/**
 * Told, once a transaction that wrote a due step has committed, when that step falls due, so that this process's
 * dispatchers claim it then rather than at their next poll (steps written by other processes wait for the poll).
 */
@FunctionalInterface
public interface DueSoon {
    /** Tells no one: the dispatchers find the step at their next poll. */
    DueSoon NONE = at -> {
    };

    void dueAt(Instant at);
}
