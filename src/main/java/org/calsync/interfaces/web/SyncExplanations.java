package org.calsync.interfaces.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.dto.SyncRunView;

/**
 * Says in plain words what a sync log entry means and what to do about it. The adapters' messages name the
 * technical cause (HTTP status, host, exception); admins need the consequence and the next step, with the
 * technical text kept beside it for IT.
 */
@Named
@ApplicationScoped
public class SyncExplanations {

    public String explain(String outcome, String message) {
        return Texts.get(key(outcome, message));
    }

    /** What a push failure means and what to do, from the last error a calendar server gave. */
    public String explainPush(String lastError) {
        return Texts.get("explainPush." + failure(lastError == null ? "" : lastError.toLowerCase(Locale.ROOT)));
    }

    /** What a run did in words, when it says so itself; otherwise what its outcome means. */
    public String plainly(SyncRunView run) {
        return hasSummary(run) ? run.message() : explain(run.outcome(), run.detail());
    }

    /** Whether the run's message says what it did (in the page's language), not only what the server said. */
    public boolean hasSummary(SyncRunView run) {
        return run.message() != null && !run.message().equals(run.detail());
    }

    /** The bundle key of the explanation: explain.OK, explain.unreachable, and so on. */
    public String key(String outcome, String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return switch (outcome) {
            case "OK", "PARTIAL", "HELD", "PAUSED" -> "explain." + outcome;
            default -> "explain." + failure(text);
        };
    }

    private static String failure(String text) {
        if (text.contains("needs reconnecting") || text.contains("refused") && text.contains("sign")
                || text.contains("401") || text.contains("password") || text.contains("consent")
                || text.contains("impersonat")) {
            return "signIn";
        }
        if (text.contains("unreachable") || text.contains("did not answer") || text.contains("nothing answers")
                || text.contains("timed out") || text.contains("connect")) {
            return "unreachable";
        }
        if (text.contains("busy") || text.contains("throttl") || text.contains("429") || text.contains("503")
                || text.contains("try again")) {
            return "busy";
        }
        if (text.contains("unreadable") || text.contains("malformed") || text.contains("could not read")) {
            return "unreadable";
        }
        if (text.contains("being removed") || text.contains("removed while")) {
            return "removing";
        }
        return "other";
    }
}
