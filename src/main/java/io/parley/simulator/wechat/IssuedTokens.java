package io.parley.simulator.wechat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Access tokens the simulated platform has issued, each valid for the configured lifetime. As on the real platform a
 * new token does not end the old one at once; a token past its time is "expired" (42001), one never issued or
 * revoked is "invalid" (40001).
 */
final class IssuedTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a token presented with a call stands. */
    enum Standing { VALID, EXPIRED, INVALID }

    private final Map<String, Instant> expiry = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final Clock clock;
    private volatile Duration lifetime;

    IssuedTokens(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String issue() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiry.put(token, clock.instant().plus(lifetime));
        issued.incrementAndGet();
        return token;
    }

    Duration lifetime() {
        return lifetime;
    }

    void lifetime(Duration newLifetime) {
        lifetime = newLifetime;
    }

    Standing standing(String token) {
        Instant until = token == null ? null : expiry.get(token);
        if (until == null) {
            return Standing.INVALID;
        }
        return clock.instant().isBefore(until) ? Standing.VALID : Standing.EXPIRED;
    }

    /** Every token issued so far expires now. */
    void expireAll() {
        Instant now = clock.instant();
        expiry.replaceAll((token, until) -> now);
    }

    /** Every token issued so far becomes invalid (as when the secret is reset). */
    void revokeAll() {
        expiry.clear();
    }

    int issuedCount() {
        return issued.get();
    }

    void reset() {
        expiry.clear();
        issued.set(0);
    }
}
