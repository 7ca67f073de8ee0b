package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** A time that can be booked, from start to end (instants, UTC). */
public record BookableSlotView(Instant start, Instant end) implements Serializable {
}
