package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Set;

/**
 * Roles are role ids or names; a null role set keeps the current roles; a blank password keeps the current one.
 * The language is "en" or "fr", {@link #ORGANISATION_LANGUAGE} to follow the organisation's, or null to keep it.
 */
public record PersonForm(String email, String displayName, String timeZone, LocalTime workStart, LocalTime workEnd,
        Set<String> workDays, Set<String> roles, String password, String language) implements Serializable {

    public static final String ORGANISATION_LANGUAGE = "";
}
