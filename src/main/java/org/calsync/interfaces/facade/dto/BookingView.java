package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** A learner's booking: the session it became, of which kind, with whom and when. */
public record BookingView(String sessionId, String kindId, String title, String instructorName, Instant start,
        Instant end, String meetingLink) implements Serializable {
}
