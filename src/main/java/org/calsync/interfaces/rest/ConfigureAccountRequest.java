package org.calsync.interfaces.rest;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConfigureAccountRequest")
public class ConfigureAccountRequest {

    @Schema(description = "Id of the calendar that receives sessions; null for none")
    public String targetCalendarId;

    @Schema(description = "Ids of the calendars whose busy times count as conflicts")
    public Set<String> conflictCalendarIds;

    @Schema(enumeration = {"DEFAULT", "FULL_PRIVATE"})
    public String privacyMode;
}
