package io.parley.simulator.twilio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The simulated account's resources of one kind, by sid, in creation order; safe to use from any thread. */
final class ResourceStore<R> {
    private final Map<String, R> bySid = new LinkedHashMap<>();

    synchronized void add(String sid, R resource) {
        bySid.put(sid, resource);
    }

    synchronized Optional<R> find(String sid) {
        return Optional.ofNullable(bySid.get(sid));
    }

    /** Applies a change to a stored resource and answers the new value; empty when the sid is unknown. */
    synchronized Optional<R> update(String sid, UnaryOperator<R> change) {
        return Optional.ofNullable(bySid.computeIfPresent(sid, (key, current) -> change.apply(current)));
    }

    /** All resources, the most recently created first, as Twilio lists them. */
    synchronized List<R> newestFirst() {
        List<R> all = new ArrayList<>(bySid.values());
        Collections.reverse(all);
        return all;
    }

    synchronized void clear() {
        bySid.clear();
    }
}
