package io.parley.policy;

/** A value and the rule pack it comes from, so a decision can say which pack decided. */
public record Sourced<T>(T value, String pack) {
}
