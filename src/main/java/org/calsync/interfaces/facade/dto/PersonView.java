package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

public record PersonView(
        String id,
        String email,
        String displayName,
        String timeZone,
        LocalTime workStart,
        LocalTime workEnd,
        Set<String> workDays,
        List<String> roles,
        List<String> roleIds,
        boolean canSignIn,
        /** "en" or "fr" when the person chose one; null when they follow the organisation's language. */
        String language) implements Serializable {
}
