package org.calsync.interfaces.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.dto.SessionView;

/** How dates and times read on the pages. */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /**
     * A moment such as a sync or an alert, "Sat 21 Nov 2026, 05:40", in the zone of the person reading;
     * empty for none.
     */
    public String moment(Instant at, String viewerZone) {
        if (at == null) {
            return "";
        }
        ZoneId zone = viewerZone == null ? ZoneOffset.UTC : ZoneId.of(viewerZone);
        return DAY.format(at.atZone(zone)) + ", " + TIME.format(at.atZone(zone));
    }

    /** A linked account's status as people read it. */
    public String accountStatus(String status) {
        return switch (status) {
            case "CONNECTED" -> "Connected";
            case "NEEDS_RECONSENT" -> "Needs reconnecting";
            case "REMOVING" -> "Being removed";
            default -> "Error";
        };
    }

    /** "Tue 24 Nov 2026, 09:30–12:30" in the session's own zone. */
    public String when(SessionView session) {
        LocalDateTime start = session.start();
        LocalDateTime end = session.end();
        String endText = end.toLocalDate().equals(start.toLocalDate())
                ? TIME.format(end) : DAY.format(end) + ", " + TIME.format(end);
        return DAY.format(start) + ", " + TIME.format(start) + "\u2013" + endText;
    }
}
