package org.calsync.domain.model.calendar;

import java.time.Duration;

import org.calsync.domain.shared.Message;
import org.calsync.domain.shared.RetryLaterException;

/** The provider is throttling, failing or too slow; the work is retried after {@link #retryAfter()}. */
public class ProviderUnavailableException extends RetryLaterException {

    /** The message is the adapter's technical account of what the server did; pages show it as it is. */
    public ProviderUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(Message.of("server.said", message), retryAfter, cause);
    }
}
