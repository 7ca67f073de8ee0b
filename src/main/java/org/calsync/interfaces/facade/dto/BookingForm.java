package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A session booked from the scheduling assistant: the people who lead it are assigned as instructors, the
 * others registered. A one-to-one review has exactly one of each.
 */
public record BookingForm(String kind, String courseTitle, LocalDateTime start, LocalDateTime end, String timeZone,
        String venue, String meetingLink, List<String> leaderIds, List<String> attendeeIds) implements Serializable {

    public static final String SESSION = "SESSION";
    public static final String REVIEW = "REVIEW";
}
