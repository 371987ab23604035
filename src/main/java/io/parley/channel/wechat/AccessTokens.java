package io.parley.channel.wechat;

import io.vertx.core.Future;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The access token every send of this instance shares: fetched once, kept until shortly before it expires, fetched
 * again once when the platform says it is invalid or expired (however many sends found out at the same time).
 * Concurrent callers wait for the same request; a failed request is not repeated for a few seconds, so an
 * unreachable token endpoint is not asked once per message.
 */
final class AccessTokens {
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    /** A token and when the platform said it expires. */
    record Issued(String value, Instant expiresAt, Instant refreshAt) {
    }

    /** What the token endpoint answered: the token and its lifetime. */
    record Grant(String value, Duration expiresIn) {
    }

    private final Supplier<Future<Grant>> endpoint;
    private final Clock clock;
    private Future<Issued> current;
    private Instant failedAt;

    AccessTokens(Supplier<Future<Grant>> endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** The token to send with: the cached one while it is fresh, else one new request shared by every caller. */
    synchronized Future<String> token() {
        Instant now = clock.instant();
        if (current == null || stale(now)) {
            fetch();
        }
        return current.map(Issued::value);
    }

    /**
     * The platform refused {@code rejected} (40001, 42001): a new token, unless another caller already replaced it
     * (then that one) or a request for one is under way (then its answer).
     */
    synchronized Future<String> replace(String rejected) {
        boolean stillCurrent = current != null && current.succeeded() && current.result().value().equals(rejected);
        if (stillCurrent) {
            fetch();
        }
        return token();
    }

    private boolean stale(Instant now) {
        if (!current.isComplete()) {
            return false;
        }
        if (current.failed()) {
            return !now.isBefore(failedAt.plus(RETRY_AFTER_FAILURE));
        }
        return !now.isBefore(current.result().refreshAt());
    }

    private void fetch() {
        Future<Issued> request = endpoint.get().map(grant -> {
            Instant issuedAt = clock.instant();
            Duration margin = grant.expiresIn().dividedBy(10);
            if (margin.compareTo(MAX_MARGIN) > 0) {
                margin = MAX_MARGIN;
            }
            return new Issued(grant.value(), issuedAt.plus(grant.expiresIn()),
                    issuedAt.plus(grant.expiresIn()).minus(margin));
        });
        current = request;
        request.onFailure(e -> failed(request));
    }

    private synchronized void failed(Future<Issued> request) {
        if (request == current) {
            failedAt = clock.instant();
        }
    }
}
