package org.calsync.infrastructure.provider.rest;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;

/**
 * How one provider's answers are read (which mean the grant is gone, which are worth retrying) and how its
 * failures are worded, the same for a call alone and for one answered inside a batch.
 */
public interface ErrorRules {

    /** The provider's name in messages. */
    String service();

    /**
     * The credentials no longer work: retrying cannot help, the person must reconnect. A bearer token that is
     * refused gets 401 (RFC 6750), from Google and Graph alike.
     */
    default boolean authorisationLost(JsonAnswer answer) {
        return answer.status() == 401;
    }

    /** Throttling or a passing outage. */
    boolean retryable(JsonAnswer answer);

    /** A short reason from the body for messages and the log ("rateLimitExceeded"), or an empty string. */
    String reason(JsonAnswer answer);

    /** The access token was refused. */
    default AuthorisationLostException tokenRefused(JsonAnswer answer) {
        return new AuthorisationLostException(service() + " refused the access token (HTTP " + answer.status()
                + reasonSuffix(answer) + "): consent may have been revoked.");
    }

    /** Throttled or failing after every retry; {@code wait} is how long to leave it alone. */
    default ProviderUnavailableException stillFailing(JsonAnswer answer, Duration wait) {
        return new ProviderUnavailableException(FailureKind.BUSY,
                service() + " is busy or failing (HTTP " + answer.status()
                + reasonSuffix(answer) + "); try again later", wait, null);
    }

    /**
     * Any other failure to do {@code what}: 403 and 404 mean access does not (or no longer does) reach the
     * calendar, so the person must look at their choices; anything else is the provider failing.
     */
    default RuntimeException refusal(JsonAnswer answer, String what) {
        if (answer.status() == 403 || answer.status() == 404) {
            return new AuthorisationLostException(service() + " refused to " + what + " (HTTP " + answer.status() + "): "
                    + answer.errorDetail());
        }
        return new ProviderUnavailableException(FailureKind.OTHER,
                service() + " could not " + what + " (HTTP " + answer.status() + "): "
                + answer.errorDetail(), null, null);
    }

    /**
     * An answer to {@code what}: itself when it succeeded, otherwise the failure it stands for. Answers from
     * {@link RetryingJsonClient} come here neither throttled nor refused; answers from inside a batch, which
     * no retry loop has judged, may, and a throttled one then carries the delay to leave it alone for.
     */
    default JsonAnswer succeeded(JsonAnswer answer, String what) {
        if (answer.ok()) {
            return answer;
        }
        if (authorisationLost(answer)) {
            throw tokenRefused(answer);
        }
        if (retryable(answer)) {
            throw stillFailing(answer, RetryingJsonClient.waitBefore(answer, RetryingJsonClient.ATTEMPTS,
                    Duration.ofSeconds(1)));
        }
        throw refusal(answer, what);
    }

    /** The first group of the pattern's first match in the body, read without trusting the body to be JSON. */
    static String firstInBody(Pattern pattern, JsonAnswer answer) {
        Matcher found = pattern.matcher(answer.body() == null ? "" : answer.body());
        return found.find() ? found.group(1) : "";
    }

    private String reasonSuffix(JsonAnswer answer) {
        String reason = reason(answer);
        return reason.isEmpty() ? "" : ", " + reason;
    }
}
