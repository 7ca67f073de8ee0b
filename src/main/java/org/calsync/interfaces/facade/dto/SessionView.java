package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A training session for display or the API: local times in the session's zone, plus the UTC instants, and each
 * person's answer to the invitation, with how the learners answered in {@code responses}. {@code meetingLink} is the
 * link given with the session; {@code joinLink} is where attendees join: that link, or the meeting CalSync generated
 * ({@code onlineMeeting}: TEAMS or GOOGLE_MEET). {@code onlineMeetingProblem} says why none could be generated yet
 * (NO_INSTRUCTOR, NO_ACCOUNT or REFUSED), and {@code onlineMeetingProblemText} says it in words.
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
        String onlineMeeting,
        String joinLink,
        String onlineMeetingProblem,
        String onlineMeetingProblemText,
        String description,
        String state,
        List<PersonRef> instructors,
        List<PersonRef> learners,
        ResponseCountsView responses,
        long version) implements Serializable {
}
