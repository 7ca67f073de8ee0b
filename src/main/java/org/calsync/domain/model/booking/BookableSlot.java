package org.calsync.domain.model.booking;

import java.time.Instant;

/** A time a learner can book: [start, end), the kind's length. */
public record BookableSlot(Instant start, Instant end) {
}
