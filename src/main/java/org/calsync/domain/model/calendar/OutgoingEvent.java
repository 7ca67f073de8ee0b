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
 * @param title       the course title
 * @param start       start instant
 * @param end         end instant
 * @param zone        the session's zone, so calendars show the planned wall-clock time
 * @param location    venue, or null
 * @param meetingLink online meeting address, or null
 * @param linkBack    the session's page in CalSync
 * @param description free text, or null
 * @param staff       names of the instructors the event names under {@code staffHeading}
 * @param staffHeading how the event names them: the other instructors for an instructor, all of them for a learner
 * @param sequence    increases with every change, as iCalendar clients expect
 * @param language    the calendar owner's language, for the headings CalSync writes into the notes
 */
public record OutgoingEvent(String uid, String title, Instant start, Instant end, ZoneId zone, String location,
        URI meetingLink, URI linkBack, String description, List<String> staff, StaffHeading staffHeading, int sequence,
        Language language) {

    /** Whose names follow the heading, from the point of view of the calendar's owner. */
    public enum StaffHeading {
        /** The owner teaches the session too: the other instructors. */
        ALSO_TEACHING("event.alsoTeaching"),
        /** The owner attends it: every instructor. */
        INSTRUCTORS("event.instructors");

        private final String key;

        StaffHeading(String key) {
            this.key = key;
        }
    }

    public OutgoingEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(staffHeading, "staffHeading");
        staff = staff == null ? List.of() : List.copyOf(staff);
        language = language == null ? Language.ENGLISH : language;
    }

    /** An event whose notes are in English. */
    public OutgoingEvent(String uid, String title, Instant start, Instant end, ZoneId zone, String location,
            URI meetingLink, URI linkBack, String description, List<String> staff, StaffHeading staffHeading, int sequence) {
        this(uid, title, start, end, zone, location, meetingLink, linkBack, description, staff, staffHeading, sequence,
                Language.ENGLISH);
    }

    /** An event for an instructor, naming the other instructors. */
    public OutgoingEvent(String uid, String title, Instant start, Instant end, ZoneId zone, String location,
            URI meetingLink, URI linkBack, String description, List<String> otherStaff, int sequence) {
        this(uid, title, start, end, zone, location, meetingLink, linkBack, description, otherStaff,
                StaffHeading.ALSO_TEACHING, sequence);
    }

    /**
     * The text every calendar shows under the title: the session's own description, then the meeting link,
     * the instructors and the link back to the session.
     */
    public String notes() {
        List<String> parts = new ArrayList<>();
        if (description != null && !description.isBlank()) {
            parts.add(description);
        }
        ResourceBundle texts = ResourceBundle.getBundle("org.calsync.domain.model.calendar.events", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        if (meetingLink != null) {
            parts.add(texts.getString("event.joinOnline") + separator() + meetingLink);
        }
        if (!staff.isEmpty()) {
            parts.add(texts.getString(staffHeading.key) + separator() + String.join(", ", staff));
        }
        if (linkBack != null) {
            parts.add(texts.getString("event.sessionDetails") + separator() + linkBack);
        }
        return String.join("\n\n", parts);
    }

    /** French typography puts a space before a colon. */
    private String separator() {
        return language == Language.FRENCH ? "\u00a0: " : ": ";
    }
}
