package io.parley.api;

/** Who is calling the API, by the name of their key, and whether that key may write. */
public record Principal(String name, boolean canWrite) {
}
