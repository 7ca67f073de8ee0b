package org.calsync.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /link-terms}. */
public class LinkTermsRequest {

    @Schema(description = "The terms, up to 20,000 characters; blank to ask none",
            example = "CalSync will write your sessions into the calendar you link and read when you are busy.")
    public String text;
}
