package org.calsync.application.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.planning.Availability.BookedSession;
import org.calsync.application.planning.Availability.BusyTime;
import org.calsync.application.planning.Availability.PersonAvailability;
import org.calsync.application.planning.AvailabilityReads;
import org.calsync.domain.model.booking.BookableKind;
import org.calsync.domain.model.booking.BookingRepository;
import org.calsync.domain.model.booking.InstructorDiary;
import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.tenant.TenantId;

/**
 * An instructor's diary as stored: busy times of the calendars they check for clashes (as of the last pull or
 * notification), their sessions, and the bookings of a kind. Read from the database only, so that it can be read
 * while the instructor's bookings are locked.
 */
@ApplicationScoped
class Diaries {

    @Inject
    private AvailabilityReads reads;

    @Inject
    private BookingRepository bookings;

    /**
     * @param leaveOut a booking's session to leave out (the one being moved), or null
     */
    InstructorDiary of(TenantId tenantId, BookableKind kind, TimeWindow window, String leaveOut) {
        // Buffers and whole days reach past the window's edges.
        TimeWindow wider = new TimeWindow(window.from().minus(Duration.ofDays(1)),
                window.to().plus(Duration.ofDays(1)));
        PersonAvailability instructor = reads.known(tenantId, List.of(kind.instructorId()), wider).people().get(0);
        List<BusyInterval> busy = new ArrayList<>();
        for (BusyTime time : instructor.busy()) {
            if (time.conflictCheck()) {
                busy.add(time.interval());
            }
        }
        for (BookedSession session : instructor.sessions()) {
            if (!session.sessionId().equals(leaveOut)) {
                busy.add(new BusyInterval(session.start(), session.end(), false));
            }
        }
        List<Instant> starts = new ArrayList<>(bookings.bookingStarts(tenantId, kind.id(), wider.from(), wider.to()));
        if (leaveOut != null) {
            bookings.booking(tenantId, leaveOut).ifPresent(moved -> starts.remove(moved.start()));
        }
        return new InstructorDiary(busy, starts);
    }
}
