package org.calsync.domain.model.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;

import org.calsync.domain.shared.Language;

/**
 * A session as it is written into one person's calendar. The UID is stable for (tenant, session, person),
 * so writing it again updates the same event instead of creating a second one.
 *
 * @param uid         stable identity, see {@code EventIdentity}
 * @param sequence    increases with every change, as iCalendar clients expect
 * @param title       the course title
 * @param time        when, in the session's zone
 * @param location    venue, or null
 * @param meetingLink online meeting address, or null
 * @param details     what the notes say besides the meeting link
 */
public record OutgoingEvent(String uid, int sequence, String title, EventTime time, String location, URI meetingLink,
        EventDetails details) {

    public OutgoingEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(details, "details");
    }

    public Instant start() {
        return time.start();
    }

    public Instant end() {
        return time.end();
    }

    public ZoneId zone() {
        return time.zone();
    }

    public String description() {
        return details.description();
    }

    public URI linkBack() {
        return details.linkBack();
    }

    public Language language() {
        return details.language();
    }

    /**
     * The text every calendar shows under the title: the session's own description, then the meeting link,
     * the instructors and the link back to the session.
     */
    public String notes() {
        List<String> parts = new ArrayList<>();
        if (description() != null && !description().isBlank()) {
            parts.add(description());
        }
        ResourceBundle texts = ResourceBundle.getBundle("org.calsync.domain.model.calendar.events", language().locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        if (meetingLink != null) {
            parts.add(texts.getString("event.joinOnline") + separator() + meetingLink);
        }
        Staff staff = details.staff();
        if (!staff.names().isEmpty()) {
            parts.add(texts.getString(staff.heading().key) + separator() + String.join(", ", staff.names()));
        }
        if (linkBack() != null) {
            parts.add(texts.getString("event.sessionDetails") + separator() + linkBack());
        }
        return String.join("\n\n", parts);
    }

    /** French typography puts a space before a colon. */
    private String separator() {
        return language() == Language.FRENCH ? "\u00a0: " : ": ";
    }
}
