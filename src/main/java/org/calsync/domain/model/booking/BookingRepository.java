package org.calsync.domain.model.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.tenant.TenantId;

/** Published availability, bookable kinds and bookings. */
public interface BookingRepository {

    Optional<PublishedAvailability> availabilityOf(TenantId tenantId, String personId);

    /**
     * The instructor's availability, locked until the transaction ends: bookings of one instructor are decided one
     * at a time, whichever instance makes them.
     */
    Optional<PublishedAvailability> lockAvailabilityOf(TenantId tenantId, String personId);

    void add(PublishedAvailability availability);

    Optional<BookableKind> kind(TenantId tenantId, String kindId);

    /** The instructor's kinds, withdrawn ones included, by name. */
    List<BookableKind> kindsOf(TenantId tenantId, String instructorId);

    void add(BookableKind kind);

    Optional<Booking> booking(TenantId tenantId, String sessionId);

    /** When the bookings of the kind whose session still stands start, in [from, to). */
    List<Instant> bookingStarts(TenantId tenantId, String kindId, Instant from, Instant to);

    /** The learner's bookings whose session still stands and has not ended, earliest first. */
    List<Booking> upcomingOf(TenantId tenantId, String learnerId, Instant now);

    void add(Booking booking);
}
