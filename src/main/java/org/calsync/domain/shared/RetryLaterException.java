package org.calsync.domain.shared;

import java.time.Duration;

/** Something outside CalSync is busy or down; nothing was changed, and the same request can be tried again. */
public class RetryLaterException extends RuntimeException {

    private final Duration retryAfter;
    private final Message text;

    /** Worded for people by {@code text}; the exception's own message is its English form. */
    public RetryLaterException(Message text, Duration retryAfter, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
        this.retryAfter = retryAfter;
    }

    /** The delay asked for, or null when none was given. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public Message text() {
        return text;
    }
}
