package org.calsync.domain.model.booking;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A stretch of one day in wall-clock time, start included and end excluded. */
public record LocalTimeSpan(LocalTime start, LocalTime end) {

    /** The spans merged where they overlap or touch, sorted by start. */
    static List<LocalTimeSpan> merged(List<LocalTimeSpan> spans) {
        List<LocalTimeSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(LocalTimeSpan::start));
        List<LocalTimeSpan> merged = new ArrayList<>();
        for (LocalTimeSpan span : sorted) {
            LocalTimeSpan last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !span.start.isAfter(last.end)) {
                merged.set(merged.size() - 1, new LocalTimeSpan(last.start, span.end.isAfter(last.end) ? span.end : last.end));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** What is left of these sorted, disjoint spans once {@code removed} is taken out of them. */
    static List<LocalTimeSpan> without(List<LocalTimeSpan> spans, LocalTimeSpan removed) {
        List<LocalTimeSpan> left = new ArrayList<>();
        for (LocalTimeSpan span : spans) {
            if (!removed.start.isBefore(span.end) || !removed.end.isAfter(span.start)) {
                left.add(span);
                continue;
            }
            if (span.start.isBefore(removed.start)) {
                left.add(new LocalTimeSpan(span.start, removed.start));
            }
            if (removed.end.isBefore(span.end)) {
                left.add(new LocalTimeSpan(removed.end, span.end));
            }
        }
        return left;
    }
}
