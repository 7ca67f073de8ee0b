package org.calsync.application.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.pull.CalendarPull;
import org.calsync.domain.model.booking.BookableKind;
import org.calsync.domain.model.booking.BookableSlot;
import org.calsync.domain.model.booking.BookableSlotFinder;
import org.calsync.domain.model.booking.BookingRepository;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * Learners' side of self-booking: the bookable times of a kind, and booking, moving or cancelling one. Busy times
 * are as fresh as the last pull or notification when listed; booking or moving first reads the instructor's
 * calendars again (one request each when unchanged), outside any transaction, then decides under the instructor's
 * lock.
 */
@ApplicationScoped
public class SelfBooking {

    /** The longest range listed at once. */
    static final Duration MAX_RANGE = Duration.ofDays(62);

    @Inject
    private BookingRepository bookings;

    @Inject
    private Diaries diaries;

    @Inject
    private CalendarPull pull;

    @Inject
    private BookingDecisions decisions;

    private final Clock clock = Clock.systemUTC();

    /** The kind's bookable times starting in [from, to), earliest first; none while nothing is published. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BookableSlot> slots(TenantId tenantId, String kindId, Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidInputException("to", "booking.rangeTooLong", MAX_RANGE.toDays());
        }
        BookableKind kind = bookings.kind(tenantId, kindId)
                .orElseThrow(() -> new UnknownEntityException("bookable kind", kindId));
        if (kind.withdrawn()) {
            return List.of();
        }
        return bookings.availabilityOf(tenantId, kind.instructorId())
                .map(availability -> new BookableSlotFinder(clock).find(availability, kind,
                        diaries.of(tenantId, kind, new TimeWindow(from, to), null), from, to))
                .orElse(List.of());
    }

    public TrainingSession book(TenantId tenantId, String kindId, String learnerId, Instant start) {
        readInstructorsCalendars(tenantId, kindId);
        return decisions.book(tenantId, kindId, learnerId, start);
    }

    public TrainingSession move(TenantId tenantId, String sessionId, Instant newStart, boolean byLearner) {
        bookings.booking(tenantId, sessionId).ifPresent(booking -> readInstructorsCalendars(tenantId, booking.kindId()));
        return decisions.move(tenantId, sessionId, newStart, byLearner);
    }

    public TrainingSession cancel(TenantId tenantId, String sessionId, boolean byLearner) {
        return decisions.cancel(tenantId, sessionId, byLearner);
    }

    /** A calendar that cannot be read now keeps its last busy times: the booking is decided on those. */
    private void readInstructorsCalendars(TenantId tenantId, String kindId) {
        bookings.kind(tenantId, kindId).ifPresent(kind -> pull.calendarsToPull(tenantId, kind.instructorId())
                .forEach(pull::pullToNow));
    }
}
