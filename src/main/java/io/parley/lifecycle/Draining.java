package io.parley.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether the instance is draining: once it begins, readiness answers false (a load balancer stops sending
 * traffic), nothing new is claimed, and what is under way finishes. Safe to use from any thread.
 */
public final class Draining {
    private final List<Runnable> onBegin = new CopyOnWriteArrayList<>();
    private volatile boolean draining;

    /** Runs the action when draining begins (at once, if it has). */
    public void onBegin(Runnable action) {
        onBegin.add(action);
        if (draining) {
            action.run();
        }
    }

    /** Begins draining; later calls do nothing. */
    public synchronized void begin() {
        if (draining) {
            return;
        }
        draining = true;
        onBegin.forEach(Runnable::run);
    }

    public boolean draining() {
        return draining;
    }
}
