package org.calsync.domain.model.booking;

import java.time.Instant;
import java.util.List;

import org.calsync.domain.model.calendar.BusyInterval;

/**
 * What an instructor is already doing, as far as a booking needs to know.
 *
 * @param busy                  the busy times of the calendars they check for clashes, and their sessions
 * @param bookingStartsOfKind   when the bookings already made of the kind asked about start: for its daily maximum, and
 *                              for the buffers each keeps around itself
 */
public record InstructorDiary(List<BusyInterval> busy, List<Instant> bookingStartsOfKind) {

    public InstructorDiary {
        busy = List.copyOf(busy);
        bookingStartsOfKind = List.copyOf(bookingStartsOfKind);
    }
}
