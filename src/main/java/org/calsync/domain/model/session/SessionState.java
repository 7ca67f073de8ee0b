package org.calsync.domain.model.session;

/** Only active sessions are pushed to calendars. */
public enum SessionState {
    DRAFT, ACTIVE, CANCELLED
}
