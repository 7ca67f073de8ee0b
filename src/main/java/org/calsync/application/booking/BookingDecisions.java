package org.calsync.application.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.sessions.SessionService;
import org.calsync.domain.model.booking.BookableKind;
import org.calsync.domain.model.booking.BookableSlot;
import org.calsync.domain.model.booking.BookableSlotFinder;
import org.calsync.domain.model.booking.Booking;
import org.calsync.domain.model.booking.BookingRepository;
import org.calsync.domain.model.booking.InstructorDiary;
import org.calsync.domain.model.booking.PublishedAvailability;
import org.calsync.domain.model.booking.SlotTakenException;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.SessionTime;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.ConflictException;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * Books, moves and cancels, each in one transaction that holds the instructor's availability locked: two bookings
 * of one instructor, on any instance, are decided one after the other, and the second sees the first. A booking
 * is a one-to-one session, active at once, so both calendars get it with the session's own push.
 */
@ApplicationScoped
@Transactional
public class BookingDecisions {

    private static final Logger LOG = Logger.getLogger(BookingDecisions.class.getName());
    /** How many other times a refusal offers, and how far ahead it looks for them. */
    private static final int NEXT_OFFERED = 5;
    private static final Duration NEXT_WITHIN = Duration.ofDays(14);

    @Inject
    private BookingRepository bookings;

    @Inject
    private PersonRepository people;

    @Inject
    private TenantRepository tenants;

    @Inject
    private SessionService sessions;

    @Inject
    private Diaries diaries;

    private final Clock clock = Clock.systemUTC();

    public TrainingSession book(TenantId tenantId, String kindId, String learnerId, Instant start) {
        BookableKind kind = kind(tenantId, kindId);
        if (kind.withdrawn()) {
            throw new ConflictException("kindId", "booking.kindWithdrawn", kind.name());
        }
        people.find(tenantId, learnerId).orElseThrow(() -> new UnknownEntityException("person", learnerId));
        if (learnerId.equals(kind.instructorId())) {
            throw new InvalidInputException("learnerId", "booking.ownKind");
        }
        PublishedAvailability availability = lockAvailability(tenantId, kind);
        requireBookable(tenantId, availability, kind, start, null);
        TrainingSession session = sessions.create(tenantId, details(kind), time(availability, kind, start),
                SessionState.ACTIVE);
        sessions.assignInstructor(tenantId, session.id(), kind.instructorId());
        sessions.register(tenantId, session.id(), learnerId);
        bookings.add(new Booking(tenantId, session.id(), kind, learnerId, start, clock.instant()));
        LOG.info(() -> "tenant=" + tenantId + " kind=" + kindId + " booked as session " + session.id());
        return session;
    }

    /**
     * Moves the booking to another bookable time of its kind. A learner can do so until the organisation's
     * cancellation deadline; after it, the instructor or an admin decides.
     */
    public TrainingSession move(TenantId tenantId, String sessionId, Instant newStart, boolean byLearner) {
        Booking booking = booking(tenantId, sessionId);
        TrainingSession session = standing(tenantId, booking, byLearner);
        BookableKind kind = kind(tenantId, booking.kindId());
        PublishedAvailability availability = lockAvailability(tenantId, kind);
        requireBookable(tenantId, availability, kind, newStart, sessionId);
        booking.movedTo(newStart);
        return sessions.revise(tenantId, sessionId, new SessionDetails(session.courseTitle(), session.venue(),
                session.meetingLink(), session.description()), time(availability, kind, newStart));
    }

    /** Cancels the booking's session; the same deadline as {@link #move} holds for a learner. */
    public TrainingSession cancel(TenantId tenantId, String sessionId, boolean byLearner) {
        Booking booking = booking(tenantId, sessionId);
        standing(tenantId, booking, byLearner);
        return sessions.cancel(tenantId, sessionId);
    }

    private void requireBookable(TenantId tenantId, PublishedAvailability availability, BookableKind kind,
            Instant start, String moving) {
        BookableSlotFinder finder = new BookableSlotFinder(clock);
        TimeWindow around = new TimeWindow(start, start.plus(NEXT_WITHIN));
        InstructorDiary diary = diaries.of(tenantId, kind, around, moving);
        if (!finder.isBookable(availability, kind, diary, start)) {
            List<BookableSlot> next = finder.find(availability, kind, diary, start, start.plus(NEXT_WITHIN)).stream()
                    .limit(NEXT_OFFERED).toList();
            throw new SlotTakenException(next);
        }
    }

    private TrainingSession standing(TenantId tenantId, Booking booking, boolean byLearner) {
        TrainingSession session = sessions.find(tenantId, booking.sessionId());
        if (session.state() == SessionState.CANCELLED) {
            throw new ConflictException("sessionId", "booking.cancelled");
        }
        int deadlineHours = tenants.find(tenantId).orElseThrow().settings().cancellationDeadlineHours();
        if (byLearner && !session.cancellableAt(clock.instant(), deadlineHours)) {
            throw new ConflictException("sessionId", "booking.pastDeadline", deadlineHours);
        }
        return session;
    }

    private PublishedAvailability lockAvailability(TenantId tenantId, BookableKind kind) {
        return bookings.lockAvailabilityOf(tenantId, kind.instructorId())
                .orElseThrow(() -> new ConflictException("kindId", "booking.nothingPublished"));
    }

    private BookableKind kind(TenantId tenantId, String kindId) {
        return bookings.kind(tenantId, kindId).orElseThrow(() -> new UnknownEntityException("bookable kind", kindId));
    }

    private Booking booking(TenantId tenantId, String sessionId) {
        return bookings.booking(tenantId, sessionId).orElseThrow(() -> new UnknownEntityException("booking", sessionId));
    }

    private static SessionDetails details(BookableKind kind) {
        return new SessionDetails(kind.name(), null, kind.meetingLink(), null);
    }

    private static SessionTime time(PublishedAvailability availability, BookableKind kind, Instant start) {
        return SessionTime.ofInstants(start, start.plus(kind.length()), availability.zone());
    }
}
