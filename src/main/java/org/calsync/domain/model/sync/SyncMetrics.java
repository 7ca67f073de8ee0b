package org.calsync.domain.model.sync;

import java.time.Duration;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.tenant.CalendarProviderType;

/**
 * What IT watches of the sync: how long changes take to reach calendars, what reads cost, what fails and why,
 * and when servers make CalSync wait. Every figure is by kind of calendar, never by person.
 */
public interface SyncMetrics {

    /** Which half of the sync met a failure. */
    enum Work {
        PUSH,
        PULL
    }

    /** An event was written to, or removed from, a calendar this long after the change that asked for it. */
    void pushed(CalendarProviderType provider, Duration sinceChange);

    /** One calendar was read, taking this long and this many requests to its server. */
    void pulled(CalendarProviderType provider, Duration took, int requests);

    /** A call to a calendar server failed, for this reason. */
    void failed(CalendarProviderType provider, Work work, FailureKind kind);

    /**
     * A call failed, and the server may have named how long to wait before the next: a busy server's wait is a
     * throttling pause as well as a failure.
     */
    default void failed(CalendarProviderType provider, Work work, FailureKind kind, Duration retryAfter) {
        failed(provider, work, kind);
        if (kind == FailureKind.BUSY && retryAfter != null) {
            throttled(provider, retryAfter);
        }
    }

    /** A calendar server asked CalSync to wait this long before calling again. */
    void throttled(CalendarProviderType provider, Duration pause);

    /** A calendar was read this long after its server said it had changed. */
    void notified(CalendarProviderType provider, Duration lag);
}
