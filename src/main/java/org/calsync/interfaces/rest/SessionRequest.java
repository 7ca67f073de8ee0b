package org.calsync.interfaces.rest;

import jakarta.json.JsonValue;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A session as the host platform sends it. Times are wall-clock times in timeZone. Every field is kept as the JSON
 * value that came, so that a malformed time or a value of the wrong JSON type (a number, an array) gets a message
 * naming its field instead of being turned into text.
 */
@Schema(name = "SessionRequest")
public class SessionRequest {

    @Schema(required = true, type = SchemaType.STRING, example = "Excel for Finance Teams")
    public JsonValue courseTitle;

    @Schema(required = true, type = SchemaType.STRING, example = "2026-05-04T09:30", description = "Local date-time in timeZone")
    public JsonValue start;

    @Schema(required = true, type = SchemaType.STRING, example = "2026-05-04T12:30", description = "Local date-time in timeZone")
    public JsonValue end;

    @Schema(required = true, type = SchemaType.STRING, example = "Europe/London", description = "IANA time zone id")
    public JsonValue timeZone;

    @Schema(type = SchemaType.STRING, example = "Northwind House, Room 1")
    public JsonValue venue;

    @Schema(type = SchemaType.STRING, example = "https://meet.example.com/abc")
    public JsonValue meetingLink;

    @Schema(type = SchemaType.STRING)
    public JsonValue description;

    @Schema(type = SchemaType.STRING, enumeration = {"DRAFT", "ACTIVE"},
            description = "Initial state on create, ACTIVE when omitted; not accepted on update (use activate or cancel)")
    public JsonValue state;

    @Schema(type = SchemaType.STRING, enumeration = {"TEAMS", "GOOGLE_MEET", "NONE"},
            description = "An online meeting CalSync generates through the lead instructor's Microsoft 365 (TEAMS) or "
                    + "Google (GOOGLE_MEET) account, unless a meetingLink is given; NONE for none. When omitted, a new "
                    + "session asks for the tenant's defaultOnlineMeeting and an updated one keeps what it asked for.")
    public JsonValue onlineMeeting;
}
