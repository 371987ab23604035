package io.parley.api;

/**
 * Who is calling the API, by the name of their key, the key's role (ADMIN, WRITE, READ), whether it may write and
 * whether it sees contact addresses unmasked.
 */
public record Principal(String name, String role, boolean canWrite, boolean seesAddresses) {
}
