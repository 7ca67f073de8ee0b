package org.calsync.domain.model.mail;

import java.util.Objects;

/** One email CalSync sends: plain text, to one person. */
public record OutgoingMail(String to, String toName, String subject, String text) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
