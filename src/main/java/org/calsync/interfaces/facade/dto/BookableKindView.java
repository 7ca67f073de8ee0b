package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/** A kind of one-to-one meeting learners can book with an instructor. */
public record BookableKindView(String id, String instructorId, String name, int lengthMinutes, int bufferBeforeMinutes,
        int bufferAfterMinutes, int noticeMinutes, int horizonDays, int maxPerDay, int startEveryMinutes,
        String meetingLink, boolean withdrawn) implements Serializable {
}
