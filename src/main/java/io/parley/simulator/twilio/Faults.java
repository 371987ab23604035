package io.parley.simulator.twilio;

import java.time.Duration;
import java.util.Optional;

/**
 * Injected trouble: the next few API requests fail with a given status, or have their connection reset (before the
 * request is read, or after a create was accepted; any request, or call creates only), and creates answer late.
 */
final class Faults {
    /** Where a dropped request's connection is reset. */
    enum Drop {
        /** Before the request is read: nothing is created (the client cannot tell this from the other). */
        BEFORE_READING,
        /** After a create was accepted, instead of its answer: the message or call exists and goes ahead. */
        AFTER_ACCEPTING
    }

    /** One injected failure: the HTTP status and, for 429, how long the client is asked to wait. */
    record Failure(int httpStatus, Duration retryAfter) {
        TwilioError error() {
            return httpStatus == 429 ? TwilioError.tooManyRequests() : TwilioError.serverFault(httpStatus);
        }

        /** Retry-After in whole seconds, rounded up, as HTTP wants it. */
        Optional<String> retryAfterHeader() {
            if (retryAfter == null || retryAfter.isZero() || retryAfter.isNegative()) {
                return Optional.empty();
            }
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            return Optional.of(Long.toString(seconds));
        }
    }

    private int remaining;
    private Failure failure;
    private Duration latency = Duration.ZERO;
    private int drops;
    private Drop drop;
    private boolean callCreatesOnly;

    synchronized void failNext(int count, int httpStatus, Duration retryAfter) {
        if (count < 0) {
            throw new IllegalArgumentException("fault count must not be negative, was " + count);
        }
        if (httpStatus != 429 && (httpStatus < 500 || httpStatus > 599)) {
            throw new IllegalArgumentException("fault status must be 429 or 5xx, was " + httpStatus);
        }
        remaining = count;
        failure = new Failure(httpStatus, retryAfter);
    }

    /** Takes one pending failure, if any is left. */
    synchronized Optional<Failure> take() {
        if (remaining == 0) {
            return Optional.empty();
        }
        remaining--;
        return Optional.of(failure);
    }

    /**
     * The next count requests (or only the next count call creates, the other requests passing untouched) have their
     * connection reset at this place.
     */
    synchronized void dropNext(int count, Drop where, boolean onlyCallCreates) {
        if (count < 0 || where == null) {
            throw new IllegalArgumentException("drop count must not be negative and its place given, was " + count);
        }
        drops = count;
        drop = where;
        callCreatesOnly = onlyCallCreates;
    }

    /** Takes one pending drop at this place for this request (a call create or not), if any is left. */
    synchronized boolean takeDrop(Drop where, boolean callCreate) {
        if (drops == 0 || drop != where || (callCreatesOnly && !callCreate)) {
            return false;
        }
        drops--;
        return true;
    }

    synchronized void latency(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive, was " + value);
        }
        latency = value;
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized void clear() {
        remaining = 0;
        failure = null;
        latency = Duration.ZERO;
        drops = 0;
        drop = null;
        callCreatesOnly = false;
    }
}
