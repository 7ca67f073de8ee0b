package org.calsync.application.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.planning.Availability.BookedSession;
import org.calsync.application.planning.Availability.BusyTime;
import org.calsync.application.planning.Availability.PersonAvailability;
import org.calsync.application.planning.Availability.Source;
import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.tenant.TenantId;

/**
 * What a person is already doing while a session runs, for whoever assigns them: busy times from the
 * calendars they chose for clash checks (titled only where their privacy mode allows), their other
 * sessions, and, for people who linked no calendar, Exchange's free/busy. Assigning stays allowed; this
 * only warns.
 */
@ApplicationScoped
public class AssignmentConflicts {

    @Inject
    private Availability availability;

    /**
     * Read from the same availability the scheduling assistant shows, narrowed to the session's time, with where
     * it came from: no conflict means free only where the source is known.
     */
    public Found of(TenantId tenantId, TrainingSession session, String personId) {
        Instant from = session.time().start();
        Instant to = session.time().end();
        PersonAvailability person = availability.of(tenantId, List.of(personId), new TimeWindow(from, to)).get(0);
        List<Conflict> conflicts = new ArrayList<>();
        for (BusyTime time : person.busy()) {
            BusyInterval interval = time.interval();
            if (person.source().organisationService()) {
                conflicts.add(new Conflict(Kind.ORGANISATION_FREE_BUSY, interval.start(), interval.end(),
                        interval.allDay(), null, time.origin()));
            } else if (time.conflictCheck()) {
                conflicts.add(new Conflict(Kind.CALENDAR, interval.start(), interval.end(), interval.allDay(),
                        time.title(), time.origin()));
            }
        }
        for (BookedSession other : person.sessions()) {
            if (!other.sessionId().equals(session.id()) && other.start().isBefore(to) && other.end().isAfter(from)) {
                conflicts.add(new Conflict(Kind.SESSION, other.start(), other.end(), false, other.title(),
                        other.sessionId()));
            }
        }
        conflicts.sort(Comparator.comparing(Conflict::start));
        return new Found(conflicts, person.source());
    }

    /** The conflicts found, and the source of the person's busy times (none, not read yet, or known). */
    public record Found(List<Conflict> conflicts, Source source) {
    }

    public enum Kind {
        /** A busy time from one of the person's linked calendars. */
        CALENDAR,
        /** Another session the person delivers or attends. */
        SESSION,
        /**
         * Busy in the organisation's free/busy service (Exchange's, Microsoft 365's getSchedule), asked for someone
         * with no linked calendar; {@link Found#source()} names the service.
         */
        ORGANISATION_FREE_BUSY
    }

    /**
     * @param title the event's title where privacy allows, the other session's title, or null
     * @param source the calendar's name, the other session's id, or the organisation's service
     */
    public record Conflict(Kind kind, Instant start, Instant end, boolean allDay, String title, String source) {
    }
}
