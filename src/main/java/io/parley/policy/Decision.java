package io.parley.policy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The policy's answer for one attempt, with the rule that decided and the reasons and facts it saw, so the timeline
 * can say why a contact went, waited or did not happen.
 */
public sealed interface Decision {
    String rule();

    List<String> reasons();

    Map<String, Object> facts();

    default String outcome() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    record Allow(String rule, List<String> reasons, Map<String, Object> facts) implements Decision {
    }

    /** Not now: the attempt waits until the given instant, when it is evaluated again. */
    record Defer(Instant until, String rule, List<String> reasons, Map<String, Object> facts) implements Decision {
    }

    /** Never: the attempt does not happen, for the reason given. */
    record Suppress(String rule, List<String> reasons, Map<String, Object> facts) implements Decision {
    }
}
