package org.calsync.interfaces.rest;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PersonRequest")
public class PersonRequest {

    @Schema(required = true, example = "lea.dubois@northwind.example")
    public String email;

    @Schema(required = true, example = "Léa Dubois")
    public String displayName;

    @Schema(required = true, example = "Europe/Paris")
    public String timeZone;

    @Schema(example = "09:00")
    public String workStart;

    @Schema(example = "17:00")
    public String workEnd;

    @Schema(example = "[\"MONDAY\", \"TUESDAY\"]")
    public Set<String> workDays;

    @Schema(description = "Role names or ids; omitted on update keeps the current roles", example = "[\"Learner\"]")
    public Set<String> roles;

    @Schema(description = "Optional: lets the person sign in to the portal (10 characters or more)")
    public String password;
}
