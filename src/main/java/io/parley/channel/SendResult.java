package io.parley.channel;

import io.parley.domain.AttemptStatus;

/**
 * What the provider said: accepted (QUEUED/SENT with its reference), refused (FAILED with its code), or no clear
 * answer (UNKNOWN: it may have gone, so it is never resent blindly).
 */
public record SendResult(AttemptStatus status, String providerRef, String errorCode, String errorMessage) {

    public static SendResult accepted(AttemptStatus status, String providerRef) {
        return new SendResult(status, providerRef, null, null);
    }

    public static SendResult failed(String errorCode, String errorMessage) {
        return new SendResult(AttemptStatus.FAILED, null, errorCode, errorMessage);
    }

    public static SendResult unknown(String errorMessage) {
        return new SendResult(AttemptStatus.UNKNOWN, null, null, errorMessage);
    }
}
