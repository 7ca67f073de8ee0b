package org.calsync.interfaces.rest;

import jakarta.json.JsonValue;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person as the host platform sends it; each field as the JSON value that came, so a wrong type is a field error. */
@Schema(name = "PersonRequest")
public class PersonRequest {

    @Schema(required = true, type = SchemaType.STRING, example = "lea.dubois@northwind.example")
    public JsonValue email;

    @Schema(required = true, type = SchemaType.STRING, example = "Léa Dubois")
    public JsonValue displayName;

    @Schema(required = true, type = SchemaType.STRING, example = "Europe/Paris")
    public JsonValue timeZone;

    @Schema(type = SchemaType.STRING, example = "09:00")
    public JsonValue workStart;

    @Schema(type = SchemaType.STRING, example = "17:00")
    public JsonValue workEnd;

    @Schema(type = SchemaType.ARRAY, implementation = String.class, example = "[\"MONDAY\", \"TUESDAY\"]")
    public JsonValue workDays;

    @Schema(type = SchemaType.ARRAY, implementation = String.class,
            description = "Role names or ids; omitted on update keeps the current roles", example = "[\"Learner\"]")
    public JsonValue roles;

    @Schema(type = SchemaType.STRING, description = "Optional: lets the person sign in to the portal (10 characters or more)")
    public JsonValue password;

    @Schema(type = SchemaType.STRING, nullable = true, example = "fr", description = "The language of the person's emails "
            + "and calendar events: \"en\" or \"fr\"; null follows the organisation's; omitted on update keeps it")
    public JsonValue language;
}
