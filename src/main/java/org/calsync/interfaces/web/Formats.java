package org.calsync.interfaces.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.dto.PersonRef;
import org.calsync.interfaces.facade.dto.ResponseCountsView;
import org.calsync.interfaces.facade.dto.SessionView;

/** How dates and times read on the pages. */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** Day names in the page's language: "Sat 21 Nov 2026" or "sam. 21 nov. 2026". */
    private static DateTimeFormatter day() {
        return DAY.withLocale(Texts.locale());
    }

    /**
     * A moment such as a sync or an alert, "Sat 21 Nov 2026, 05:40", in the zone of the person reading;
     * empty for none.
     */
    public String moment(Instant at, String viewerZone) {
        if (at == null) {
            return "";
        }
        ZoneId zone = viewerZone == null ? ZoneOffset.UTC : ZoneId.of(viewerZone);
        return day().format(at.atZone(zone)) + ", " + TIME.format(at.atZone(zone));
    }

    /** An address's part before the @, so that a narrow column breaks it before its domain. */
    public String mailbox(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    /** An address's @ and domain; empty when it has none. */
    public String domain(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 0 ? "" : email.substring(at);
    }

    /** A linked account's status as people read it. */
    public String accountStatus(String status) {
        return Texts.get(switch (status) {
            case "CONNECTED", "NEEDS_RECONSENT", "REMOVING", "PAUSED", "HELD" -> "status." + status;
            default -> "status.ERROR";
        });
    }

    /** A linked account's status as a tag's colour, the same as the dashboard's tiles give it. */
    public String accountSeverity(String status) {
        return switch (status) {
            case "CONNECTED" -> "success";
            case "NEEDS_RECONSENT", "PAUSED", "HELD", "REMOVING" -> "warning";
            default -> "danger";
        };
    }

    /** A session's state in the reader's language: draft, scheduled, cancelled. */
    public String sessionState(String state) {
        return Texts.get("state." + state);
    }

    public String sessionSeverity(String state) {
        return switch (state) {
            case "ACTIVE" -> "success";
            case "DRAFT" -> "info";
            default -> "danger";
        };
    }

    /** An answer to a session's invitation in the reader's language: accepted, maybe, declined, no answer. */
    public String response(String response) {
        return Texts.get("response." + response);
    }

    public String responseSeverity(String response) {
        return switch (response) {
            case "ACCEPTED" -> "success";
            case "TENTATIVE" -> "warning";
            case "DECLINED" -> "danger";
            default -> "secondary";
        };
    }

    /** When a person answered, "Sat 21 Nov 2026, 05:40" in the viewer's zone; empty without an answer. */
    public String answeredAt(PersonRef person, String viewerZone) {
        return person.answered() ? moment(person.respondedAt(), viewerZone) : "";
    }

    /** Where a person answered, "By email"; empty without an answer. */
    public String answeredVia(PersonRef person) {
        return person.answered() && person.respondedVia() != null ? Texts.get("response.via" + person.respondedVia())
                : "";
    }

    /** The icon of where a person answered: their mail program, the portal, or the host platform. */
    public String answeredViaIcon(PersonRef person) {
        return switch (person.respondedVia() == null ? "" : person.respondedVia()) {
            case "EMAIL" -> "pi pi-envelope";
            case "PORTAL" -> "pi pi-user";
            case "API" -> "pi pi-server";
            default -> "";
        };
    }

    /** "12 accepted, 2 maybe, 1 declined, 5 no answer", for the counts' tooltip and screen readers. */
    public String responseCounts(ResponseCountsView counts) {
        return Texts.get("response.counts", counts.accepted(), counts.tentative(), counts.declined(), counts.noAnswer());
    }

    /** How a sync ended, in the reader's language. */
    public String runOutcome(String outcome) {
        return Texts.get("outcome." + outcome);
    }

    public String runSeverity(String outcome) {
        return switch (outcome) {
            case "OK" -> "success";
            case "FAILED" -> "danger";
            default -> "warning";
        };
    }

    /** "Tue 24 Nov 2026, 09:30–12:30" in the viewer's zone, with the end's day when it is another day. */
    public String between(Instant start, Instant end, String viewerZone) {
        ZoneId zone = ZoneId.of(viewerZone);
        return range(LocalDateTime.ofInstant(start, zone), LocalDateTime.ofInstant(end, zone));
    }

    /** Whole days, read as midnight to midnight in the viewer's zone: "Tue 24 Nov 2026" or a range of days. */
    public String days(Instant start, Instant end, String viewerZone) {
        ZoneId zone = ZoneId.of(viewerZone);
        LocalDate first = LocalDate.ofInstant(start, zone);
        LocalDate last = LocalDate.ofInstant(end, zone).minusDays(1);
        return last.isAfter(first) ? day().format(first) + "\u2013" + day().format(last) : day().format(first);
    }

    /** "Tue 24 Nov 2026, 09:30–12:30" in the session's own zone. */
    public String when(SessionView session) {
        return range(session.start(), session.end());
    }

    /** The start's day and time, then the end's time, with its day too when it ends on another. */
    private static String range(LocalDateTime start, LocalDateTime end) {
        String endText = end.toLocalDate().equals(start.toLocalDate())
                ? TIME.format(end) : day().format(end) + ", " + TIME.format(end);
        return day().format(start) + ", " + TIME.format(start) + "\u2013" + endText;
    }
}
