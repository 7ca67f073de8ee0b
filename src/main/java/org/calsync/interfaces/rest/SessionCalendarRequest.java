package org.calsync.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SessionCalendarRequest")
public class SessionCalendarRequest {

    @Schema(description = "The calendar of the account that receives the session; null or absent for the account's "
            + "usual target")
    public String calendarId;
}
