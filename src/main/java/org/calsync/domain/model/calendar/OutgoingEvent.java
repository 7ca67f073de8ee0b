package org.calsync.domain.model.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;

import org.calsync.domain.model.tenant.OnlineMeetingKind;
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
 * @param hostsMeeting the online meeting this event has its provider create (or keep), in the lead instructor's
 *                     calendar only; null for every other event, which carries the meeting's link instead
 * @param meetingKind  the kind of meeting behind {@code meetingLink} when CalSync generated it, so that a provider
 *                     that knows it can show it as its own (a Meet conference in Google Calendar); null otherwise
 */
public record OutgoingEvent(String uid, int sequence, String title, EventTime time, String location, URI meetingLink,
        EventDetails details, OnlineMeetingKind hostsMeeting, OnlineMeetingKind meetingKind) {

    public OutgoingEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(details, "details");
    }

    public OutgoingEvent(String uid, int sequence, String title, EventTime time, String location, URI meetingLink,
            EventDetails details) {
        this(uid, sequence, title, time, location, meetingLink, details, null, null);
    }

    /** The same event, asking its provider to create this kind of online meeting in it, or keep the one it has. */
    public OutgoingEvent hosting(OnlineMeetingKind meeting) {
        return new OutgoingEvent(uid, sequence, title, time, location, meetingLink, details, meeting, meetingKind);
    }

    /** The same event, its link being to a meeting of this kind that CalSync generated. */
    public OutgoingEvent joining(OnlineMeetingKind kind) {
        return new OutgoingEvent(uid, sequence, title, time, location, meetingLink, details, hostsMeeting, kind);
    }

    /** Where the event says it takes place: the venue, else the meeting's address, as calendar apps show it. */
    public String place() {
        return location != null ? location : meetingLink == null ? null : meetingLink.toString();
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
        ResourceBundle texts = texts();
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

    /** What a join button says, in the event's language. */
    public String joinLabel() {
        return texts().getString("event.joinOnline");
    }

    private ResourceBundle texts() {
        return ResourceBundle.getBundle("org.calsync.domain.model.calendar.events", language().locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** French typography puts a space before a colon. */
    private String separator() {
        return language() == Language.FRENCH ? "\u00a0: " : ": ";
    }
}
