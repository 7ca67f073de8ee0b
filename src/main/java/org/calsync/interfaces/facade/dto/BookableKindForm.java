package org.calsync.interfaces.facade.dto;

/** A bookable kind's settings as a form or the API sends them; the domain checks each range. */
public record BookableKindForm(String name, int lengthMinutes, int bufferBeforeMinutes, int bufferAfterMinutes,
        int noticeMinutes, int horizonDays, int maxPerDay, int startEveryMinutes, String meetingLink) {
}
