package io.parley.channel;

import io.parley.domain.AttemptStatus;

import java.time.Duration;

/**
 * What the provider said: accepted (QUEUED/SENT with its reference), refused (FAILED with its code), or no clear
 * answer (UNKNOWN: it may have gone, so it is never resent blindly). A FAILED result that never reached the provider
 * (rate limited, unavailable, circuit open, no connection) is {@code notAttempted}: the step is simply run again
 * later (after {@code retryAfter} when the provider said how long to wait), without using up its retries.
 */
public record SendResult(AttemptStatus status, String providerRef, String errorCode, String errorMessage,
                         boolean notAttempted, Duration retryAfter) {

    public SendResult(AttemptStatus status, String providerRef, String errorCode, String errorMessage,
                      boolean notAttempted) {
        this(status, providerRef, errorCode, errorMessage, notAttempted, null);
    }

    /** The same result, when nothing was sent, with how long the provider asked to wait before the next try. */
    public SendResult retryingAfter(Duration wait) {
        return !notAttempted || wait == null ? this
                : new SendResult(status, providerRef, errorCode, errorMessage, true, wait);
    }

    public static SendResult accepted(AttemptStatus status, String providerRef) {
        return new SendResult(status, providerRef, null, null, false);
    }

    /** The provider received the attempt and refused it. */
    public static SendResult failed(String errorCode, String errorMessage) {
        return new SendResult(AttemptStatus.FAILED, null, errorCode, errorMessage, false);
    }

    /** Nothing reached the provider (or it turned the request away before processing it). */
    public static SendResult notAttempted(String errorCode, String errorMessage) {
        return new SendResult(AttemptStatus.FAILED, null, errorCode, errorMessage, true);
    }

    public static SendResult unknown(String errorMessage) {
        return new SendResult(AttemptStatus.UNKNOWN, null, null, errorMessage, false);
    }
}
