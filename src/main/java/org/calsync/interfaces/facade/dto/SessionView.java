package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A training session for display or the API: local times in the session's zone, plus the UTC instants, and each
 * person's answer to the invitation, with how the learners answered in {@code responses}.
 */
public record SessionView(
        String id,
        String courseTitle,
        LocalDateTime start,
        LocalDateTime end,
        String timeZone,
        Instant startUtc,
        Instant endUtc,
        String venue,
        String meetingLink,
        String description,
        String state,
        List<PersonRef> instructors,
        List<PersonRef> learners,
        ResponseCountsView responses,
        long version) implements Serializable {
}
