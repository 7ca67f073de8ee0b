package org.calsync.domain.model.calendar;

/** An item the provider returned that could not be read; it is logged and the rest of the sync goes on. */
public record SkippedItem(String remoteId, String reason) {
}
