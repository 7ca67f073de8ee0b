package org.calsync.domain.model.calendar;

/**
 * What became of one write of a burst: its result, or the exception {@link CalendarProvider#put} would have
 * thrown for it alone.
 */
public record WriteOutcome(WriteResult result, RuntimeException failure) {

    public static WriteOutcome written(WriteResult result) {
        return new WriteOutcome(result, null);
    }

    public static WriteOutcome failed(RuntimeException failure) {
        return new WriteOutcome(null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
