package org.calsync.domain.model.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Validation;

/**
 * When a session happens: two instants in UTC and the IANA zone the session is planned in, so that the
 * wall-clock time survives daylight saving changes and can be shown in anyone's own zone.
 */
public class SessionTime {

    /** The years a session may fall in; outside them a date is a typing or integration mistake. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

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
        checkWallClock(validation, "start", localStart, zone);
        checkWallClock(validation, "end", localEnd, zone);
        validation.throwIfInvalid();
        Instant start = localStart.atZone(zone).toInstant();
        Instant end = localEnd.atZone(zone).toInstant();
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end", "session.endBeforeStart");
        }
        return new SessionTime(start, end, zone);
    }

    /**
     * A year no calendar or provider handles sensibly is refused rather than pushed (and retried) for ever; a
     * time the clocks skip is refused with the gap named, since Java would silently move it by an hour.
     */
    private static void checkWallClock(Validation validation, String field, LocalDateTime local, ZoneId zone) {
        if (local.getYear() < FIRST_YEAR || local.getYear() > LAST_YEAR) {
            validation.check(false, field, "session.yearOutOfRange", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
            return;
        }
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            validation.check(false, field, "session.timeInClockGap", local.toLocalDate() + " " + local.toLocalTime(),
                    zone.getId(), transition.getDateTimeBefore().toLocalTime().toString(),
                    transition.getDateTimeAfter().toLocalTime().toString());
        }
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
