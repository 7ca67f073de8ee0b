package org.calsync.domain.model.session;

import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.calsync.domain.model.person.Person;

/**
 * What an instructor's calendar may show of a session when the organisation leaves learner details out (no
 * identifiable learner information in staff calendars): every learner's name and email address is replaced in
 * the texts typed for the session, and its free-text description, which may talk about them, is not written.
 */
public final class LearnerPrivacy {

    /** What stands where a learner was named. */
    public static final String PLACEHOLDER = "a learner";

    private LearnerPrivacy() {
    }

    /** The text with each learner's email address and display name replaced, whatever their case; null stays null. */
    public static String redact(String text, Collection<Person> learners) {
        if (text == null || learners.isEmpty()) {
            return text;
        }
        String redacted = text;
        // Longest first, so that "Noah Williams" goes before a learner called "Noah" could split it.
        for (String identifying : learners.stream().flatMap(l -> Stream.of(l.email(), l.displayName()))
                .filter(s -> s != null && !s.isBlank()).distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            // Whole words only: a learner called Li is not found inside "Delivery".
            redacted = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(identifying) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(redacted).replaceAll(PLACEHOLDER);
        }
        return redacted;
    }
}
