package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * How a tenant's watches on one provider stand.
 *
 * @param watchedCalendars calendars the provider calls back for now
 * @param lastNotifiedAt         when the provider last notified CalSync; null before the first
 * @param problem          what the last upkeep could not do; null when all went well
 * @param address          where the provider calls
 * @param addressReachable whether that address is HTTPS and not this machine's own, as providers require
 */
public record WatchStatusView(int watchedCalendars, Instant lastNotifiedAt, String problem, String address,
        boolean addressReachable) implements Serializable {
}
