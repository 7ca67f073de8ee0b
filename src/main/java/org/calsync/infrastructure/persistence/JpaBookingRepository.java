package org.calsync.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.booking.BookableKind;
import org.calsync.domain.model.booking.Booking;
import org.calsync.domain.model.booking.BookingRepository;
import org.calsync.domain.model.booking.PublishedAvailability;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaBookingRepository implements BookingRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<PublishedAvailability> availabilityOf(TenantId tenantId, String personId) {
        return Optional.ofNullable(em.find(PublishedAvailability.class, personId))
                .filter(availability -> availability.tenantId().equals(tenantId.value()));
    }

    @Override
    public Optional<PublishedAvailability> lockAvailabilityOf(TenantId tenantId, String personId) {
        // SELECT ... FOR UPDATE on PostgreSQL and H2: held until commit, across instances.
        return Optional.ofNullable(em.find(PublishedAvailability.class, personId, LockModeType.PESSIMISTIC_WRITE))
                .filter(availability -> availability.tenantId().equals(tenantId.value()));
    }

    @Override
    public void add(PublishedAvailability availability) {
        em.persist(availability);
    }

    @Override
    public Optional<BookableKind> kind(TenantId tenantId, String kindId) {
        return Optional.ofNullable(em.find(BookableKind.class, kindId))
                .filter(kind -> kind.tenantId().equals(tenantId.value()));
    }

    @Override
    public List<BookableKind> kindsOf(TenantId tenantId, String instructorId) {
        return em.createNamedQuery("BookableKind.ofInstructor", BookableKind.class)
                .setParameter("tenant", tenantId.value()).setParameter("instructor", instructorId).getResultList();
    }

    @Override
    public void add(BookableKind kind) {
        em.persist(kind);
    }

    @Override
    public Optional<Booking> booking(TenantId tenantId, String sessionId) {
        return Optional.ofNullable(em.find(Booking.class, sessionId))
                .filter(booking -> booking.tenantId().equals(tenantId.value()));
    }

    @Override
    public List<Instant> bookingStarts(TenantId tenantId, String kindId, Instant from, Instant to) {
        return em.createNamedQuery("Booking.startsOfKind", Instant.class).setParameter("tenant", tenantId.value())
                .setParameter("kind", kindId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    @Override
    public List<Booking> upcomingOf(TenantId tenantId, String learnerId, Instant now) {
        return em.createNamedQuery("Booking.upcomingOfLearner", Booking.class).setParameter("tenant", tenantId.value())
                .setParameter("learner", learnerId).setParameter("now", now).getResultList();
    }

    @Override
    public void add(Booking booking) {
        em.persist(booking);
    }
}
