package org.calsync.domain.model.planning;

import java.time.Instant;
import java.util.List;

/**
 * A suggested time, with whoever cannot make it: people busy then, and people for whom it falls outside
 * their own working hours. The fewer of both, the better the slot.
 */
public record FreeSlot(Instant start, Instant end, List<String> busyPersonIds, List<String> outsideHoursPersonIds) {

    public FreeSlot {
        busyPersonIds = List.copyOf(busyPersonIds);
        outsideHoursPersonIds = List.copyOf(outsideHoursPersonIds);
    }

    public boolean suitsEveryone() {
        return busyPersonIds.isEmpty() && outsideHoursPersonIds.isEmpty();
    }

    boolean overlaps(FreeSlot other) {
        return start.isBefore(other.end) && end.isAfter(other.start);
    }
}
