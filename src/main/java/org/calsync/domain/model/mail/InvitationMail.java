package org.calsync.domain.model.mail;

import java.util.Objects;

import org.calsync.domain.model.calendar.OutgoingEvent;

/**
 * The calendar part of an invitation email (iTIP, RFC 5546, sent as iMIP, RFC 6047): a request to add or update
 * the event, or its cancellation, from the organiser to one attendee. The event carries the UID and SEQUENCE that
 * the person's linked calendars would get, so that a calendar linked later holds one event, not two.
 */
public record InvitationMail(Method method, OutgoingEvent event, Address organiser, Address attendee) {

    /** The iTIP method: REQUEST adds or updates the event, CANCEL removes it. */
    public enum Method {
        REQUEST, CANCEL
    }

    /** An email address with the name mail clients show. */
    public record Address(String email, String name) {
        public Address {
            Objects.requireNonNull(email, "email");
        }
    }

    public InvitationMail {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(organiser, "organiser");
        Objects.requireNonNull(attendee, "attendee");
    }

    /**
     * The Message-ID of this message: the same for the same UID, SEQUENCE and method, so that a message sent again
     * after a crash (the relay took it, the instance died before noting it) is the same message to mail clients.
     */
    public String messageId() {
        // The UID is already "id@domain", which a Message-ID needs.
        return "<" + method.name().toLowerCase(java.util.Locale.ROOT) + "." + event.sequence() + "." + event.uid() + ">";
    }
}
