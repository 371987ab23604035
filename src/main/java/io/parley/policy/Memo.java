package io.parley.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers of a pure function kept for the keys asked most recently, at most {@code limit} of them: when full, it
 * starts afresh (nothing it holds grows with the number of debtors). Thread-safe; a value may be worked out twice
 * when two threads ask at once, which a pure function makes harmless.
 */
final class Memo<K, V> {
    private final int limit;
    private final Function<K, V> compute;
    private final Map<K, V> kept = new ConcurrentHashMap<>();

    Memo(int limit, Function<K, V> compute) {
        this.limit = limit;
        this.compute = compute;
    }

    V get(K key) {
        V value = kept.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (kept.size() >= limit) {
                kept.clear();
            }
            kept.put(key, value);
        }
        return value;
    }
}
