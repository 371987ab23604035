package io.parley.enrollment;

import io.parley.http.FieldError;
import io.parley.http.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks the rule packs a request names against those the service has, naming each unknown one. */
public final class PolicyPacks {
    private PolicyPacks() {
    }

    /** @throws Refusal.Invalid naming {@code policyPacks[i]} for each unknown pack */
    public static void check(List<String> requested, Set<String> known) {
        List<Refusal.Violation> unknown = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!known.contains(requested.get(i))) {
                unknown.add(new Refusal.Violation("policyPacks[" + i + "]", "no rule pack named '" + requested.get(i)
                        + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new Refusal.Invalid(unknown);
        }
    }
}
