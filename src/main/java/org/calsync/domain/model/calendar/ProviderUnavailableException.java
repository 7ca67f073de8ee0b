package org.calsync.domain.model.calendar;

import java.time.Duration;
import java.util.Objects;

import org.calsync.domain.shared.Message;
import org.calsync.domain.shared.RetryLaterException;

/** The provider is throttling, failing or too slow; the work is retried after {@link #retryAfter()}. */
public class ProviderUnavailableException extends RetryLaterException {

    private final FailureKind kind;

    /**
     * @param kind what the failure means for the person, decided here where its cause is known
     * @param message the adapter's technical account of what the server did; pages show it as it is
     */
    public ProviderUnavailableException(FailureKind kind, String message, Duration retryAfter, Throwable cause) {
        super(Message.of("server.said", message), retryAfter, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    public FailureKind kind() {
        return kind;
    }
}
