package org.calsync.application.booking;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.booking.AvailabilityChange;
import org.calsync.domain.model.booking.BookableKind;
import org.calsync.domain.model.booking.BookingRepository;
import org.calsync.domain.model.booking.PublishedAvailability;
import org.calsync.domain.model.booking.WeeklyHours;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.UnknownEntityException;

/** What instructors publish: when they can be booked, and the kinds of meeting they offer. One transaction each. */
@ApplicationScoped
@Transactional
public class AvailabilityPublishing {

    private static final Logger LOG = Logger.getLogger(AvailabilityPublishing.class.getName());

    @Inject
    private BookingRepository bookings;

    @Inject
    private PersonRepository people;

    /** Publishes the instructor's hours and exceptions in place of any published before. */
    public PublishedAvailability publish(TenantId tenantId, String instructorId, ZoneId zone, List<WeeklyHours> weekly,
            List<AvailabilityChange> changes) {
        requirePerson(tenantId, instructorId);
        Optional<PublishedAvailability> published = bookings.availabilityOf(tenantId, instructorId);
        if (published.isPresent()) {
            published.get().replace(zone, weekly, changes);
            return published.get();
        }
        PublishedAvailability first = new PublishedAvailability(tenantId, instructorId, zone, weekly, changes);
        bookings.add(first);
        LOG.info(() -> "tenant=" + tenantId + " person=" + instructorId + " published availability");
        return first;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PublishedAvailability> availabilityOf(TenantId tenantId, String instructorId) {
        requirePerson(tenantId, instructorId);
        return bookings.availabilityOf(tenantId, instructorId);
    }

    public BookableKind offer(TenantId tenantId, String instructorId, BookableKind.Settings settings) {
        requirePerson(tenantId, instructorId);
        BookableKind kind = new BookableKind(tenantId, instructorId, settings);
        bookings.add(kind);
        return kind;
    }

    public BookableKind change(TenantId tenantId, String kindId, BookableKind.Settings settings) {
        BookableKind kind = kind(tenantId, kindId);
        kind.change(settings);
        return kind;
    }

    /** No new bookings of the kind; those made stay. */
    public BookableKind withdraw(TenantId tenantId, String kindId) {
        BookableKind kind = kind(tenantId, kindId);
        kind.withdraw();
        return kind;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BookableKind kind(TenantId tenantId, String kindId) {
        return bookings.kind(tenantId, kindId).orElseThrow(() -> new UnknownEntityException("bookable kind", kindId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BookableKind> kindsOf(TenantId tenantId, String instructorId) {
        requirePerson(tenantId, instructorId);
        return bookings.kindsOf(tenantId, instructorId);
    }

    private void requirePerson(TenantId tenantId, String personId) {
        people.find(tenantId, personId).orElseThrow(() -> new UnknownEntityException("person", personId));
    }
}
