package org.calsync.infrastructure.provider.rest;

/** How one provider's answers are read: which mean the grant is gone, and which are worth retrying. */
public interface ErrorRules {

    /** The provider's name in messages. */
    String service();

    /** The credentials no longer work: retrying cannot help, the person must reconnect. */
    boolean authorisationLost(JsonAnswer answer);

    /** Throttling or a passing outage. */
    boolean retryable(JsonAnswer answer);

    /** A short reason from the body for messages and the log ("rateLimitExceeded"), or an empty string. */
    String reason(JsonAnswer answer);
}
