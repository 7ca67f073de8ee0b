package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** Something a sync could not decide alone, for the tenant's admins. */
/**
 * An open alert. {@code kind} says what it is about: NOTICE, INSTRUCTOR_DELETED, LEARNER_CANCELLED_LATE (which
 * {@code asksApproval}: approve or refuse) or CALENDAR_HELD (the account and calendar to release).
 */
public record AlertView(String id, String kind, String sessionId, String personId, String accountId, String calendarId,
        String message, Instant createdAt, boolean asksApproval) implements Serializable {
}
