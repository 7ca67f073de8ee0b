package org.calsync.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bookable kind's settings; absent numbers mean no buffer, no notice, 30 days ahead, 8 a day, every 15 minutes. */
@Schema(name = "BookableKindRequest")
public class BookableKindRequest {

    @Schema(required = true, example = "Progress review")
    public String name;

    @Schema(required = true, example = "45")
    public Integer lengthMinutes;

    @Schema(example = "10")
    public Integer bufferBeforeMinutes;

    @Schema(example = "10")
    public Integer bufferAfterMinutes;

    @Schema(example = "720", description = "How long before its start a booking can still be made")
    public Integer noticeMinutes;

    @Schema(example = "30", description = "How many days ahead bookings can be made")
    public Integer horizonDays;

    @Schema(example = "4")
    public Integer maxPerDay;

    @Schema(example = "15", description = "How far apart the offered start times are")
    public Integer startEveryMinutes;

    @Schema(example = "https://meet.example.com/ada", description = "Written into both events")
    public String meetingLink;
}
