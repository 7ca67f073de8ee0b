package org.calsync.domain.model.mail;

import java.util.Objects;

/**
 * One email CalSync sends, to one person: plain text, and for an invitation an HTML body, the calendar part and the
 * organiser as sender.
 */
public record OutgoingMail(String to, String toName, String subject, String text, String html,
        InvitationMail invitation) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** A plain-text notice from the installation's sender. */
    public OutgoingMail(String to, String toName, String subject, String text) {
        this(to, toName, subject, text, null, null);
    }
}
