package org.calsync.domain.model.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Validation;

/**
 * When a session happens: two instants in UTC and the IANA zone the session is planned in, so that the
 * wall-clock time survives daylight saving changes and can be shown in anyone's own zone.
 */
public class SessionTime {

    private Instant start;
    private Instant end;
    private ZoneId zone;

    protected SessionTime() {
        // for JPA
    }

    private SessionTime(Instant start, Instant end, ZoneId zone) {
        this.start = start;
        this.end = end;
        this.zone = zone;
    }

    /** From wall-clock times in the given zone, as people type them. */
    public static SessionTime ofLocal(LocalDateTime localStart, LocalDateTime localEnd, String zoneId) {
        Validation validation = new Validation();
        validation.check(localStart != null, "start", "session.startRequired");
        validation.check(localEnd != null, "end", "session.endRequired");
        ZoneId zone = validation.zone("timeZone", zoneId);
        validation.throwIfInvalid();
        Instant start = localStart.atZone(zone).toInstant();
        Instant end = localEnd.atZone(zone).toInstant();
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end", "session.endBeforeStart");
        }
        return new SessionTime(start, end, zone);
    }

    /** From instants, kept in the given zone; used when a session is moved in an external calendar. */
    public static SessionTime ofInstants(Instant start, Instant end, ZoneId zone) {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidInputException("end", "session.endBeforeStart");
        }
        return new SessionTime(start, end, zone);
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public ZoneId zone() {
        return zone;
    }

    public ZonedDateTime localStart() {
        return start.atZone(zone);
    }

    public ZonedDateTime localEnd() {
        return end.atZone(zone);
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionTime time && start.equals(time.start) && end.equals(time.end)
                && zone.equals(time.zone);
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + end.hashCode();
    }
}
