package org.calsync.domain.model.calendar;

import java.util.function.Supplier;

/**
 * One writer per person's calendars across every instance: pushes, pulls, notified pulls and removals of one
 * person's calendars run one after the other, whichever instance runs them. A pull then never meets an event
 * that another instance wrote but has not recorded yet, and two pulls never apply the same answer twice.
 * <p>
 * Work that already holds a person's lock on this thread (a push that reads a calendar before writing over an
 * edit) runs at once.
 */
public interface CalendarOwnerLock {

    /**
     * Runs the work while holding the person's lock, waiting for it as long as another holder keeps it.
     *
     * @throws CalendarOwnerBusyException when the lock could not be had in reasonable time
     */
    <T> T exclusively(String personId, Supplier<T> work);

    /** The lock was held elsewhere for longer than anyone should wait; the work can be tried again later. */
    class CalendarOwnerBusyException extends RuntimeException {
        public CalendarOwnerBusyException(String personId, Throwable cause) {
            super("Another instance has been working on the calendars of person " + personId
                    + " for too long; this work is tried again later", cause);
        }
    }
}
