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

    /** A linked account's status as people read it. */
    public String accountStatus(String status) {
        return Texts.get(switch (status) {
            case "CONNECTED", "NEEDS_RECONSENT", "REMOVING", "PAUSED", "HELD" -> "status." + status;
            default -> "status.ERROR";
        });
    }

    /** "Tue 24 Nov 2026, 09:30–12:30" in the session's own zone. */
    public String when(SessionView session) {
        LocalDateTime start = session.start();
        LocalDateTime end = session.end();
        String endText = end.toLocalDate().equals(start.toLocalDate())
                ? TIME.format(end) : day().format(end) + ", " + TIME.format(end);
        return day().format(start) + ", " + TIME.format(start) + "\u2013" + endText;
    }
}
