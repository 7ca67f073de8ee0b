package org.calsync.domain.model.calendar;

/**
 * One calendar inside a linked account, as the provider lists it. The id is the provider's own
 * (a CalDAV collection URL, an EWS folder id, a Graph or Google calendar id).
 */
public record RemoteCalendar(String id, String displayName, boolean writable, boolean supportsIncrementalSync) {
}
