package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Checks every decision must pass, whatever it is. */
final class DecisionAssertions {
    private DecisionAssertions() {
    }

    /**
     * A deferral is exact: the attempt is allowed at until, and an attempt decided at any earlier moment from now
     * on is deferred to that same instant.
     */
    static void assertExact(CompliancePolicy policy, ContactRequest request, Instant now, Decision.Defer defer) {
        assertTrue(defer.until().isAfter(now), "deferred to " + defer.until() + ", not after " + now);
        assertInstanceOf(Decision.Allow.class, policy.decide(request, defer.until()), "allowed at " + defer.until());
        for (Instant earlier : List.of(defer.until().minusSeconds(1), defer.until().minusNanos(1), now)) {
            if (!earlier.isBefore(now)) {
                Decision again = policy.decide(request, earlier);
                Decision.Defer still = assertInstanceOf(Decision.Defer.class, again, "not allowed at " + earlier);
                assertEquals(defer.until(), still.until(), "deferred to the same instant from " + earlier);
            }
        }
    }

    /** Facts serialise to JSON as they are (strings, numbers, booleans, lists, maps with string keys). */
    static void assertJsonSafe(Object value, String path) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertJsonSafe(list.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                assertInstanceOf(String.class, key, "key at " + path);
                assertJsonSafe(inner, path + "." + key);
            });
            return;
        }
        fail(path + " is a " + (value == null ? "null" : value.getClass().getName()) + ", not a JSON value");
    }

    /** Neither reasons nor facts carry the contact point's address. */
    static void assertNoAddress(Decision decision, String address) {
        String digits = address.replaceAll("[^0-9]", "");
        String text = decision.reasons() + " " + decision.facts();
        assertTrue(!text.contains(address) && (digits.length() < 7 || !text.contains(digits)),
                "the address leaks into " + text);
    }
}
