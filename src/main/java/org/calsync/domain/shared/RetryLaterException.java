package org.calsync.domain.shared;

import java.time.Duration;

/** Something outside CalSync is busy or down; nothing was changed, and the same request can be tried again. */
public class RetryLaterException extends RuntimeException {

    private final Duration retryAfter;

    public RetryLaterException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The delay asked for, or null when none was given. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
