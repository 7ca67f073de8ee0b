package org.calsync.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PersonIdRequest")
public class PersonIdRequest {

    @Schema(required = true)
    public String personId;
}
