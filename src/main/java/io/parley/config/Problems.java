package io.parley.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems so that one start-up failure reports all of them at once. */
final class Problems {

    private final List<String> found = new ArrayList<>();

    void add(String problem) {
        found.add(problem);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigException(found);
        }
    }
}
