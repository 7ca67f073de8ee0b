package org.calsync.domain.model.calendar;

/** A conditional write found a different version on the server (HTTP 412): someone changed the event. */
public class VersionConflictException extends RuntimeException {

    public VersionConflictException(String message) {
        super(message);
    }
}
