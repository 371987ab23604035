package io.parley.api;

import io.parley.http.FieldError;
import io.parley.http.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks the rule packs a request names against those the service has: 422 naming each unknown one. */
public final class PackIds {
    private PackIds() {
    }

    public static void check(List<String> requested, Set<String> known) {
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!known.contains(requested.get(i))) {
                unknown.add(new FieldError("policyPacks[" + i + "]", "no rule pack named '" + requested.get(i)
                        + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiProblem.validation(unknown);
        }
    }
}
