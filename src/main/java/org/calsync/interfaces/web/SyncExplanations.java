package org.calsync.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.dto.SyncRunView;

/**
 * Says in plain words what a sync log entry means and what to do about it. The adapters' messages name the
 * technical cause (HTTP status, host, exception); admins need the consequence and the next step, with the
 * technical text kept beside it for IT. The kind of failure (SIGN_IN, UNREACHABLE ...) was decided where it was
 * caught; each has its message key.
 */
@Named
@ApplicationScoped
public class SyncExplanations {

    /** What a run with this outcome, and when it failed this kind of failure, means and what to do. */
    public String explain(String outcome, String failureKind) {
        return Texts.get(key(outcome, failureKind));
    }

    /** What an account's problem means and what to do, from its kind (SIGN_IN, UNREACHABLE ...). */
    public String explainStatus(String statusKind) {
        return explain("FAILED", statusKind);
    }

    /** What a push failure means and what to do, from the kind of failure its last attempt met. */
    public String explainPush(String failureKind) {
        return Texts.get(pushKey(failureKind));
    }

    /** The bundle key of a push failure's explanation: explainPush.BUSY, and so on. */
    public String pushKey(String failureKind) {
        return "explainPush." + orOther(failureKind);
    }

    /** What a run did in words, when it says so itself; otherwise what its outcome means. */
    public String plainly(SyncRunView run) {
        return hasSummary(run) ? run.message() : explain(run.outcome(), run.failureKind());
    }

    /** Whether the run's message says what it did (in the page's language), not only what the server said. */
    public boolean hasSummary(SyncRunView run) {
        return run.message() != null && !run.message().equals(run.detail());
    }

    /** The bundle key of the explanation: explain.OK, explain.UNREACHABLE, and so on. */
    public String key(String outcome, String failureKind) {
        return switch (outcome) {
            case "OK", "PARTIAL", "HELD", "PAUSED" -> "explain." + outcome;
            default -> "explain." + orOther(failureKind);
        };
    }

    /** A failure recorded before failures had kinds counts as other. */
    private static String orOther(String failureKind) {
        return failureKind == null ? "OTHER" : failureKind;
    }
}
