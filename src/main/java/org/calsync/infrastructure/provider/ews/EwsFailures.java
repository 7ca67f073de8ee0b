package org.calsync.infrastructure.provider.ews;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.http.NoHttpResponseException;

import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.exception.service.local.ServiceVersionException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.VersionConflictException;

/** What an EWS failure means for CalSync, in the port's terms; the EWS API's own types stop here. */
final class EwsFailures {

    private static final String EWS_API = "microsoft.exchange.webservices.";
    private static final Set<ServiceError> REFUSED = Set.of(ServiceError.ErrorAccessDenied,
            ServiceError.ErrorImpersonateUserDenied, ServiceError.ErrorImpersonationDenied,
            ServiceError.ErrorNonExistentMailbox);

    /** The pause taken when Exchange throttles without saying for how long. */
    static final Duration UNNAMED_BACK_OFF = Duration.ofSeconds(5);

    private EwsFailures() {
    }

    /** Throttling and refusals stop the whole call; other codes concern single items. */
    static boolean concernsTheWholeCall(ServiceError code) {
        return code == ServiceError.ErrorServerBusy || REFUSED.contains(code);
    }

    /**
     * A load balancer or front end that failed for a moment (502, 503, 504), or a kept-alive connection the server
     * had closed (after a restart or a failover; the pool's own idle limit keeps clear of IIS's): worth trying again
     * at once, on a new connection. ErrorServerBusy is not, as Exchange says how long to wait.
     */
    static boolean passesSoon(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoHttpResponseException) {
                return true;
            }
            if (cause instanceof HttpErrorException http) {
                int status = http.getHttpErrorCode();
                return status == 502 || status == 503 || status == 504;
            }
        }
        return false;
    }

    static RuntimeException translate(Exception failure, String server) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceResponseException response) {
                return translate(response, server);
            }
            if (cause instanceof ServiceVersionException version) {
                // The API says so both for the server's refusal and for a property the chosen release lacks.
                return String.valueOf(version.getMessage()).contains("Exchange Server doesn't support")
                        ? olderRelease(server, version)
                        : new ProviderUnavailableException(FailureKind.OTHER,
                                "This needs a newer Exchange release than the one chosen in "
                                + "the Exchange settings: " + version.getMessage(), null, version);
            }
            if (cause instanceof HttpErrorException http) {
                return http(http.getHttpErrorCode(), server);
            }
            if (cause instanceof SocketTimeoutException) {
                return new ProviderUnavailableException(FailureKind.UNREACHABLE,
                        "Exchange did not answer in time (" + server + ").", null, failure);
            }
        }
        if (failure instanceof IllegalArgumentException setUp) {
            return new ProviderUnavailableException(FailureKind.OTHER,
                    "The Exchange settings cannot be used: " + setUp.getMessage(), null, failure);
        }
        String text = String.valueOf(failure.getMessage());
        // The EWS API reports some HTTP failures only in its message text.
        if (text.contains("(401)") || text.contains("401 Unauthorized")) {
            return http(401, server);
        }
        if (failure instanceof RuntimeException runtime && !(failure instanceof IllegalStateException)) {
            return runtime;
        }
        return new ProviderUnavailableException(FailureKind.UNREACHABLE,
                "Exchange could not be reached (" + server + "): " + whatFailedBeneath(failure), null, failure);
    }

    /**
     * The first failure beneath the EWS API's own, which says what happened on the network ("Connect to ... failed:
     * Connection refused"); the API wraps it twice, each time only adding "The request failed.".
     */
    private static String whatFailedBeneath(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (!cause.getClass().getName().startsWith(EWS_API) && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return String.valueOf(failure.getMessage());
    }

    static RuntimeException http(int status, String server) {
        if (status == 401 || status == 403) {
            return new AuthorisationLostException("Exchange refused the sign-in (" + server + ", HTTP " + status
                    + "). Check the user name and password, or the service account.");
        }
        return new ProviderUnavailableException(status == 429 || status >= 500 ? FailureKind.BUSY : FailureKind.OTHER,
                "Exchange answered HTTP " + status + " (" + server + ").", null, null);
    }

    static RuntimeException translate(ServiceResponseException response, String server) {
        ServiceError code = response.getErrorCode();
        if (code == ServiceError.ErrorServerBusy) {
            Duration wait = Objects.requireNonNullElse(backOff(response.getResponse().getErrorDetails()), UNNAMED_BACK_OFF);
            return new ProviderUnavailableException(FailureKind.BUSY, "Exchange is throttling CalSync (ErrorServerBusy)"
                    + " and asked it to wait " + Math.max(1, wait.toSeconds()) + " s; the work is done by itself after that.",
                    wait, response);
        }
        if (REFUSED.contains(code)) {
            return new AuthorisationLostException(refusal(code, server));
        }
        if (code == ServiceError.ErrorInvalidServerVersion) {
            return olderRelease(server, response);
        }
        if (code == ServiceError.ErrorIrresolvableConflict) {
            return new VersionConflictException("The appointment was changed in Exchange since CalSync wrote it.");
        }
        return new ProviderUnavailableException(FailureKind.OTHER,
                "Exchange answered " + code + ": " + response.getMessage(), null, response);
    }

    /** The server refused requests written for the release chosen in the settings (ErrorInvalidServerVersion). */
    private static RuntimeException olderRelease(String server, Exception cause) {
        return new ProviderUnavailableException(FailureKind.OTHER,
                "Exchange at " + server + " runs an older release than the one chosen "
                + "in the Exchange settings (ErrorInvalidServerVersion). Choose the release it runs.", null, cause);
    }

    private static String refusal(ServiceError code, String server) {
        return switch (code) {
            case ErrorImpersonateUserDenied, ErrorImpersonationDenied -> "The service account may not act for this "
                    + "mailbox (" + code + "). Give it the ApplicationImpersonation role for this user.";
            case ErrorNonExistentMailbox -> "Exchange has no mailbox for this address (" + server + ").";
            default -> "Exchange denied access (" + code + ", " + server + ").";
        };
    }

    /**
     * How long Exchange asked to wait when the failure is ErrorServerBusy (its BackOffMilliseconds, or a few
     * seconds when it named none); null for any other failure.
     */
    static Duration serverBusyBackOff(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceResponseException response && response.getErrorCode() == ServiceError.ErrorServerBusy) {
                Duration asked = backOff(response.getResponse().getErrorDetails());
                return asked != null ? asked : UNNAMED_BACK_OFF;
            }
        }
        return null;
    }

    /** BackOffMilliseconds when Exchange says how long to wait. */
    static Duration backOff(Map<String, String> details) {
        String value = details == null ? null : details.get("BackOffMilliseconds");
        try {
            return value == null ? null : Duration.ofMillis(Long.parseLong(value.trim()));
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }
}
