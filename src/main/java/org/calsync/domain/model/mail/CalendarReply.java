package org.calsync.domain.model.mail;

import java.time.Instant;
import java.util.Objects;

import org.calsync.domain.model.session.AttendanceResponse;

/**
 * A reply to an invitation (iTIP METHOD:REPLY) as read from the organiser's mailbox: which event (its UID), who
 * answers in it (the ATTENDEE), who sent the email (From), the answer (PARTSTAT), and when the client wrote it
 * (DTSTAMP, or the email's date when it has none).
 */
public record CalendarReply(String uid, String attendee, String sender, AttendanceResponse response, Instant writtenAt,
        String messageId) {

    public CalendarReply {
        Objects.requireNonNull(uid);
        Objects.requireNonNull(response);
        Objects.requireNonNull(writtenAt);
    }

    /** Whether the email came from the person it answers for; anything else may be forged. */
    public boolean sentByAttendee() {
        return attendee != null && sender != null && attendee.equalsIgnoreCase(sender);
    }
}
