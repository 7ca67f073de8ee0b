package org.calsync.domain.model.calendar;

import java.util.List;

import org.calsync.domain.shared.Text;

/**
 * An external event as CalSync keeps it: where it lives, its UID and version (etag or change key, for
 * echo suppression), the occurrences that make the person busy inside the window, and its title unless
 * the owner marked it private.
 *
 * @param remoteId   the provider's id of the stored item (a CalDAV resource URL, an EWS item id)
 * @param uid        the iCalendar UID; ours when CalSync wrote the event
 * @param version    the etag or change key the provider reported
 * @param busy       occurrences that block time; empty for free (transparent) or cancelled events
 * @param title      the summary, or null when the event is private or confidential
 * @param privateEvent whether the owner marked it private or confidential
 */
public record RemoteEvent(String remoteId, String uid, String version, List<BusyInterval> busy, String title,
        boolean privateEvent) {

    public RemoteEvent {
        busy = List.copyOf(busy);
        // Whatever a provider let through, nothing no calendar can carry is stored or written back.
        title = Text.carriable(title);
    }
}
