package org.calsync.domain.model.person;

/** What a person can be created or edited with; checked by {@link Person}. */
public record PersonDetails(String email, String displayName, String timeZone, WorkingHours workingHours) {
}
