package org.calsync.domain.model.calendar;

import java.net.URI;
import java.util.Objects;

import org.calsync.domain.shared.Language;

/**
 * What an event's notes say besides its meeting link.
 *
 * @param description the session's free text, or null
 * @param staff       the instructors the event names
 * @param linkBack    the session's page in CalSync, or null
 * @param language    the calendar owner's language, for the headings CalSync writes into the notes
 */
public record EventDetails(String description, Staff staff, URI linkBack, Language language) {

    public EventDetails {
        Objects.requireNonNull(staff, "staff");
        language = language == null ? Language.ENGLISH : language;
    }
}
