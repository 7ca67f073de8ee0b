package org.calsync.domain.model.calendar;

/**
 * Where a written event now lives and the version the provider gave it; the version is stored so that
 * the echo of our own write is recognised on the next pull.
 */
public record WriteResult(String remoteId, String version, boolean created) {
}
