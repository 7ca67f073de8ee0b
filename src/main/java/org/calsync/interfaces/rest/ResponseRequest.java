package org.calsync.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's answer to a session's invitation, given through the host platform. */
@Schema(name = "ResponseRequest")
public class ResponseRequest {

    @Schema(required = true, enumeration = {"ACCEPTED", "TENTATIVE", "DECLINED", "NO_ANSWER"})
    public String response;
}
