package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * What an admin or the host platform submits to create or change a session; times are in timeZone. {@code
 * onlineMeeting} is TEAMS, GOOGLE_MEET or NONE; null leaves it to the tenant's default (new) or as it was (update).
 */
public record SessionForm(String courseTitle, LocalDateTime start, LocalDateTime end, String timeZone,
        String venue, String meetingLink, String description, String state, String onlineMeeting)
        implements Serializable {
}
