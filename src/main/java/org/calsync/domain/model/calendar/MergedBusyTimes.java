package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Someone's busy times merged into sorted, disjoint intervals, so that asking whether a span is free costs a
 * binary search however full the calendar is.
 */
public final class MergedBusyTimes {

    private final Instant[] starts;
    private final Instant[] ends;

    public MergedBusyTimes(List<BusyInterval> busy) {
        List<BusyInterval> sorted = new ArrayList<>(busy);
        sorted.sort(Comparator.comparing(BusyInterval::start));
        List<Instant[]> merged = new ArrayList<>();
        for (BusyInterval interval : sorted) {
            Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !interval.start().isAfter(last[1])) {
                if (interval.end().isAfter(last[1])) {
                    last[1] = interval.end();
                }
            } else {
                merged.add(new Instant[] {interval.start(), interval.end()});
            }
        }
        this.starts = merged.stream().map(pair -> pair[0]).toArray(Instant[]::new);
        this.ends = merged.stream().map(pair -> pair[1]).toArray(Instant[]::new);
    }

    /** True when nothing busy overlaps [from, to). */
    public boolean isFree(Instant from, Instant to) {
        int low = 0;
        int high = starts.length - 1;
        // The last interval starting before `to` is the only one that can overlap: the merged ones are disjoint.
        int candidate = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[middle].isBefore(to)) {
                candidate = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return candidate < 0 || !ends[candidate].isAfter(from);
    }
}
