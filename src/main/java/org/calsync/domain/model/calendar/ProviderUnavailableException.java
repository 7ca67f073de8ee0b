package org.calsync.domain.model.calendar;

import java.time.Duration;

/** The provider is throttling, failing or too slow; the work is retried after {@link #retryAfter()}. */
public class ProviderUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public ProviderUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The delay the provider asked for, or null when it gave none (then back off exponentially). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
