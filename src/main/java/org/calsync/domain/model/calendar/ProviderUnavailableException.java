package org.calsync.domain.model.calendar;

import java.time.Duration;

import org.calsync.domain.shared.RetryLaterException;

/** The provider is throttling, failing or too slow; the work is retried after {@link #retryAfter()}. */
public class ProviderUnavailableException extends RetryLaterException {

    public ProviderUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, retryAfter, cause);
    }
}
