package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Set;

/** Roles are role ids or names; a null role set keeps the current roles; a blank password keeps the current one. */
public record PersonForm(String email, String displayName, String timeZone, LocalTime workStart, LocalTime workEnd,
        Set<String> workDays, Set<String> roles, String password) implements Serializable {
}
