package org.calsync.interfaces.rest;

import java.util.Set;

import org.calsync.interfaces.facade.dto.SettingsView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of the tenant's integration settings; fields left out keep their current value. */
@Schema(name = "SettingsRequest")
public class SettingsRequest {

    @Schema(description = "Calendar integration on or off; off pauses every linked calendar")
    public Boolean integrationEnabled;

    @Schema(description = "Kinds of calendar people may link; a kind left out pauses its calendars",
            example = "[\"CALDAV\", \"EXCHANGE\", \"MICROSOFT_365\"]")
    public Set<String> allowedProviders;

    @Schema(enumeration = {"TWO_WAY", "ONE_WAY"})
    public String direction;

    @Schema(enumeration = {"DEFAULT", "FULL_PRIVATE"})
    public String defaultPrivacyMode;

    @Schema(description = "How far ahead busy times are read", example = "12")
    public Integer pullWindowMonths;

    public Boolean omitLearnerDetails;

    @Schema(description = "Hours before a session after which a learner's delete asks an admin", example = "24")
    public Integer cancellationDeadlineHours;

    @Schema(description = "Days busy times read from calendars are kept after they end (1 to 3650)", example = "30")
    public Integer busyRetentionDays;

    @Schema(description = "Days the sync log is kept (7 to 3650)", example = "90")
    public Integer logRetentionDays;

    @Schema(description = "Language of emails and calendar events for people who have not chosen theirs: en or fr",
            example = "fr")
    public String language;

    @Schema(description = "The online meeting a new session asks for when it does not say: TEAMS (through the lead "
            + "instructor's Microsoft 365 account), GOOGLE_MEET (through their Google account) or NONE", example = "TEAMS")
    public String defaultOnlineMeeting;

    /** The current settings with what this request changes. */
    SettingsView over(SettingsView current) {
        return new SettingsView(current.tenantName(),
                integrationEnabled == null ? current.integrationEnabled() : integrationEnabled,
                allowedProviders == null ? current.allowedProviders() : allowedProviders,
                direction == null ? current.direction() : direction,
                defaultPrivacyMode == null ? current.defaultPrivacyMode() : defaultPrivacyMode,
                pullWindowMonths == null ? current.pullWindowMonths() : pullWindowMonths,
                omitLearnerDetails == null ? current.omitLearnerDetails() : omitLearnerDetails,
                cancellationDeadlineHours == null ? current.cancellationDeadlineHours() : cancellationDeadlineHours,
                busyRetentionDays == null ? current.busyRetentionDays() : busyRetentionDays,
                logRetentionDays == null ? current.logRetentionDays() : logRetentionDays,
                language == null ? current.language() : language,
                defaultOnlineMeeting == null ? current.defaultOnlineMeeting() : defaultOnlineMeeting);
    }
}
