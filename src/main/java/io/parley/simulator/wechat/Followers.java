package io.parley.simulator.wechat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's users as the simulated platform knows them: every OpenID follows the account unless it unsubscribed,
 * errcodes scripted per OpenID (each send takes the next), and how template messages to an OpenID end.
 */
final class Followers {
    static final String DELIVERED = "success";
    static final List<String> DELIVERY_STATUSES = List.of(DELIVERED, "failed:user block", "failed: system failed");

    private final Set<String> unsubscribed = ConcurrentHashMap.newKeySet();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, String> deliveries = new ConcurrentHashMap<>();

    boolean subscribed(String openId) {
        return !unsubscribed.contains(openId);
    }

    void subscribe(String openId) {
        unsubscribed.remove(openId);
    }

    void unsubscribe(String openId) {
        unsubscribed.add(openId);
    }

    void script(String openId, int... errcodes) {
        Deque<Integer> queue = scripts.computeIfAbsent(openId, id -> new ArrayDeque<>());
        synchronized (queue) {
            for (int errcode : errcodes) {
                queue.addLast(errcode);
            }
        }
    }

    /** The errcode scripted for the next send to this OpenID, or 0 when none is. */
    int nextErrcode(String openId) {
        Deque<Integer> queue = scripts.get(openId);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            Integer next = queue.pollFirst();
            return next == null ? 0 : next;
        }
    }

    void deliveryFor(String openId, String status) {
        if (!DELIVERY_STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown delivery status '" + status + "' (expected one of "
                    + String.join(", ", DELIVERY_STATUSES) + ")");
        }
        deliveries.put(openId, status);
    }

    String delivery(String openId) {
        return deliveries.getOrDefault(openId, DELIVERED);
    }

    void reset() {
        unsubscribed.clear();
        scripts.clear();
        deliveries.clear();
    }
}
