package org.calsync.interfaces.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PersonIdsRequest")
public class PersonIdsRequest {

    @Schema(required = true, description = "The people to register, at most " + PersonIdsRequest.MAX + " per request")
    public List<String> personIds;

    static final int MAX = 5000;
}
