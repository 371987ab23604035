package io.parley.enrollment;

import java.util.Objects;

/**
 * The key a caller gave a request so that repeating it changes nothing: a repeat gets the first answer back, another
 * request under the same key is refused.
 *
 * @param principal   who asked; keys are theirs alone
 * @param key         the caller's key
 * @param requestHash a digest of the request, to tell a true repeat from a reused key
 */
public record IdempotencyKey(String principal, String key, String requestHash) {
    public IdempotencyKey {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        if (key.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is not blank");
        }
    }
}
