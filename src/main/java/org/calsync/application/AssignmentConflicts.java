package org.calsync.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.BusyBlock;
import org.calsync.domain.model.calendar.BusyBlockRepository;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * What a person is already doing while a session runs, for whoever assigns them: busy times from the
 * calendars they chose for clash checks (titled only where their privacy mode allows), their other
 * sessions, and, for people who linked no calendar, Exchange's free/busy. Assigning stays allowed; this
 * only warns.
 */
@ApplicationScoped
public class AssignmentConflicts {

    @Inject
    private TrainingSessionRepository sessions;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private BusyBlockRepository busyBlocks;

    @Inject
    private Availability availability;

    public List<Conflict> of(TenantId tenantId, String sessionId, String personId) {
        TrainingSession session = sessions.find(tenantId, sessionId)
                .orElseThrow(() -> new UnknownEntityException("session", sessionId));
        Instant from = session.time().start();
        Instant to = session.time().end();
        List<Conflict> conflicts = new ArrayList<>();
        boolean linked = !accounts.listForPerson(tenantId, personId).isEmpty();
        if (linked) {
            for (BusyBlock block : busyBlocks.forPerson(tenantId, personId, from, to)) {
                if (block.calendar().conflictCheck()) {
                    conflicts.add(new Conflict(Kind.CALENDAR, block.start(), block.end(), block.allDay(), block.title(),
                            block.calendar().displayName()));
                }
            }
        } else {
            // Only Exchange's free/busy can tell about someone who linked nothing.
            for (Availability.PersonAvailability person : availability.of(tenantId, List.of(personId),
                    new TimeWindow(from, to))) {
                if (person.source() == Availability.Source.EXCHANGE_FREE_BUSY) {
                    person.busy().forEach(time -> conflicts.add(new Conflict(Kind.EXCHANGE_FREE_BUSY,
                            time.interval().start(), time.interval().end(), time.interval().allDay(), null,
                            Availability.EXCHANGE_FREE_BUSY)));
                }
            }
        }
        for (TrainingSession other : sessions.listForPerson(tenantId, personId, from, to)) {
            if (!other.id().equals(sessionId) && other.state() != SessionState.CANCELLED
                    && other.time().start().isBefore(to) && other.time().end().isAfter(from)) {
                conflicts.add(new Conflict(Kind.SESSION, other.time().start(), other.time().end(), false,
                        other.courseTitle(), other.id()));
            }
        }
        conflicts.sort(Comparator.comparing(Conflict::start));
        return conflicts;
    }

    public enum Kind {
        /** A busy time from one of the person's linked calendars. */
        CALENDAR,
        /** Another session the person delivers or attends. */
        SESSION,
        /** Busy in Exchange, read through the organisation's free/busy for someone with no linked calendar. */
        EXCHANGE_FREE_BUSY
    }

    /**
     * @param title the event's title where privacy allows, the other session's title, or null
     * @param source the calendar's name, the other session's id, or "Exchange free/busy"
     */
    public record Conflict(Kind kind, Instant start, Instant end, boolean allDay, String title, String source) {
    }
}
