package org.calsync.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking, or a new time for one. */
@Schema(name = "BookingRequest")
public class BookingRequest {

    @Schema(description = "The bookable kind (to book)")
    public String kindId;

    @Schema(description = "Who books (to book)")
    public String learnerId;

    @Schema(required = true, example = "2027-01-18T09:30:00Z", description = "One of the bookable times' start")
    public String start;

    @Schema(description = "Whether the learner makes the change (the organisation's deadline applies; the default) or "
            + "the instructor or an administrator (false)")
    public Boolean byLearner;
}
