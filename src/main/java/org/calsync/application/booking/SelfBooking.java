package org.calsync.application.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.pull.CalendarPull;
import org.calsync.domain.model.booking.BookableKind;
import org.calsync.domain.model.booking.BookableSlot;
import org.calsync.domain.model.booking.BookableSlotFinder;
import org.calsync.domain.model.booking.Booking;
import org.calsync.domain.model.booking.BookingRepository;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.TrainingSessionRepository;
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

    /** How far back and ahead a learner's sessions make their instructors "theirs". */
    private static final Duration OWN_INSTRUCTORS_WITHIN = Duration.ofDays(183);
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

    @Inject
    private TrainingSessionRepository sessions;

    @Inject
    private PersonRepository people;

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

    /** An instructor a learner can book, with the kinds they offer (withdrawn ones left out). */
    public record Offer(Person instructor, List<BookableKind> kinds) {
    }

    /**
     * The learner's own instructors (those of the sessions they attend, from six months back to six months ahead)
     * who have published availability and offer at least one kind, by name.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Offer> offersFor(TenantId tenantId, String learnerId) {
        Instant now = clock.instant();
        Set<String> instructorIds = new LinkedHashSet<>();
        sessions.listForPerson(tenantId, learnerId, now.minus(OWN_INSTRUCTORS_WITHIN), now.plus(OWN_INSTRUCTORS_WITHIN))
                .stream().filter(session -> session.registrations().stream()
                        .anyMatch(registration -> registration.person().id().equals(learnerId)))
                .flatMap(session -> session.assignments().stream())
                .forEach(assignment -> instructorIds.add(assignment.person().id()));
        instructorIds.remove(learnerId);
        if (instructorIds.isEmpty()) {
            return List.of();
        }
        List<Offer> offers = new ArrayList<>();
        for (Person instructor : people.findAll(tenantId, List.copyOf(instructorIds))) {
            List<BookableKind> kinds = bookings.kindsOf(tenantId, instructor.id()).stream()
                    .filter(kind -> !kind.withdrawn()).toList();
            if (!kinds.isEmpty() && bookings.availabilityOf(tenantId, instructor.id()).isPresent()) {
                offers.add(new Offer(instructor, kinds));
            }
        }
        offers.sort(Comparator.comparing(offer -> offer.instructor().displayName()));
        return offers;
    }

    /** A booking with the session it became. */
    public record BookedSession(Booking booking, TrainingSession session) {
    }

    /** The learner's bookings that still stand and have not ended, earliest first, with their sessions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BookedSession> upcomingBookingsOf(TenantId tenantId, String learnerId) {
        return bookings.upcomingOf(tenantId, learnerId, clock.instant()).stream()
                .flatMap(booking -> sessions.find(tenantId, booking.sessionId()).stream()
                        .map(session -> new BookedSession(booking, session)))
                .toList();
    }

    /** A calendar that cannot be read now keeps its last busy times: the booking is decided on those. */
    private void readInstructorsCalendars(TenantId tenantId, String kindId) {
        bookings.kind(tenantId, kindId).ifPresent(kind -> pull.calendarsToPull(tenantId, kind.instructorId())
                .forEach(pull::pullToNow));
    }
}
