package org.calsync.domain.model.calendar;

/**
 * Where a written event now lives and the version the provider gave it; the version is stored so that
 * the echo of our own write is recognised on the next pull. {@code meeting} says what became of the online
 * meeting the event asked its provider to host; null when it asked for none.
 */
public record WriteResult(String remoteId, String version, boolean created, HostedMeeting meeting) {

    public WriteResult(String remoteId, String version, boolean created) {
        this(remoteId, version, created, null);
    }
}
