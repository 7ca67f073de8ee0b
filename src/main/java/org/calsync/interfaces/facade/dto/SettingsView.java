package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.Set;

/** A tenant's integration settings, as shown and as submitted. */
public record SettingsView(
        String tenantName,
        boolean integrationEnabled,
        Set<String> allowedProviders,
        String direction,
        String defaultPrivacyMode,
        int pullWindowMonths,
        boolean omitLearnerDetails,
        int cancellationDeadlineHours,
        int busyRetentionDays,
        int logRetentionDays,
        /** "en" or "fr": the language of emails and calendar events for people who have not chosen their own. */
        String language,
        /** TEAMS, GOOGLE_MEET or NONE: the online meeting a new session asks for when it does not say. */
        String defaultOnlineMeeting) implements Serializable {
}
