package org.calsync.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A session as the host platform sends it. Times are wall-clock times in timeZone, kept as text so that
 * a malformed one gets a message naming its field.
 */
@Schema(name = "SessionRequest")
public class SessionRequest {

    @Schema(required = true, example = "Excel for Finance Teams")
    public String courseTitle;

    @Schema(required = true, example = "2026-05-04T09:30", description = "Local date-time in timeZone")
    public String start;

    @Schema(required = true, example = "2026-05-04T12:30", description = "Local date-time in timeZone")
    public String end;

    @Schema(required = true, example = "Europe/London", description = "IANA time zone id")
    public String timeZone;

    @Schema(example = "Northwind House, Room 1")
    public String venue;

    @Schema(example = "https://meet.example.com/abc")
    public String meetingLink;

    public String description;

    @Schema(enumeration = {"DRAFT", "ACTIVE"}, description = "Initial state on create; ACTIVE when omitted")
    public String state;
}
