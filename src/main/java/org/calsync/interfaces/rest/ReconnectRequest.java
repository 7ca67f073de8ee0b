package org.calsync.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReconnectRequest")
public class ReconnectRequest {

    @Schema(required = true, description = "The account's new password, or for iCloud a new app-specific password")
    public String password;
}
