package org.calsync.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LinkAccountRequest")
public class LinkAccountRequest {

    @Schema(required = true, enumeration = {"CALDAV", "ICLOUD", "FASTMAIL", "EXCHANGE"}, description = "For EXCHANGE the server is the organisation's; with a service account, username and password are not needed")
    public String provider;

    @Schema(description = "The CalDAV server (its /.well-known/caldav is found); iCloud's and Fastmail's own are the defaults for ICLOUD and FASTMAIL",
            example = "https://cloud.example.org/remote.php/dav")
    public String serverUrl;

    @Schema(required = true, example = "amira")
    public String username;

    @Schema(required = true, description = "The password, or for iCloud and Fastmail an app password; stored encrypted")
    public String password;
}
