package org.calsync.interfaces.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Says in plain words what a sync log entry means and what to do about it. The adapters' messages name the
 * technical cause (HTTP status, host, exception); admins need the consequence and the next step, with the
 * technical text kept beside it for IT.
 */
@Named
@ApplicationScoped
public class SyncExplanations {

    public String explain(String outcome, String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return switch (outcome) {
            case "OK" -> "Read without problems.";
            case "PARTIAL" -> "Read, but some events could not be understood and were left out; the rest is up to date.";
            case "HELD" -> "Held back: so many events disappeared at once that CalSync waits for someone to confirm. "
                    + "Release the calendar on Calendar sync if the deletions are real.";
            default -> failure(text);
        };
    }

    private static String failure(String text) {
        if (text.contains("needs reconnecting") || text.contains("refused") && text.contains("sign")
                || text.contains("401") || text.contains("password") || text.contains("consent")
                || text.contains("impersonat")) {
            return "The calendar server no longer accepts CalSync's sign-in. Nothing is read or written until the "
                    + "account is reconnected with the current password or consent.";
        }
        if (text.contains("unreachable") || text.contains("did not answer") || text.contains("nothing answers")
                || text.contains("timed out") || text.contains("connect")) {
            return "The calendar server could not be reached. CalSync tries again at the next sync; if it lasts, "
                    + "check that the server is up and that this machine can reach its address.";
        }
        if (text.contains("busy") || text.contains("throttl") || text.contains("429") || text.contains("503")
                || text.contains("try again")) {
            return "The calendar server was busy and asked CalSync to wait. It tries again later; nothing is lost.";
        }
        if (text.contains("unreadable") || text.contains("malformed") || text.contains("could not read")) {
            return "The calendar server sent an answer CalSync could not read. It tries again at the next sync; "
                    + "if it lasts, the server's log will say more.";
        }
        if (text.contains("being removed") || text.contains("removed while")) {
            return "The account was being removed, so it was not read.";
        }
        return "Reading the calendar failed. CalSync tries again at the next sync; the technical detail below helps IT.";
    }
}
