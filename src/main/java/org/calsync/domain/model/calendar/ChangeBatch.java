package org.calsync.domain.model.calendar;

import java.util.List;

/**
 * What changed in one calendar since a cursor.
 *
 * @param changed    events that are new or changed (for a full read: every event in the window)
 * @param removed    remote ids of events that are gone
 * @param skipped    items that could not be read
 * @param next       the cursor to continue from next time
 * @param fullRead   true when this is a complete read of the window (first read, or the old cursor was
 *                   no longer valid): anything known but not in {@code changed} is gone too
 * @param requests   how many requests the read cost, for the sync log and the benchmarks
 */
public record ChangeBatch(List<RemoteEvent> changed, List<String> removed, List<SkippedItem> skipped,
        SyncCursor next, boolean fullRead, int requests) {

    public ChangeBatch {
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        skipped = List.copyOf(skipped);
    }

    public boolean isEmpty() {
        return changed.isEmpty() && removed.isEmpty() && skipped.isEmpty();
    }
}
