package org.calsync.domain.model.booking;

import java.util.List;

import org.calsync.domain.shared.ConflictException;

/** The time asked for is no longer bookable (someone booked it first, or the calendar became busy). */
public class SlotTakenException extends ConflictException {

    private final transient List<BookableSlot> nextSlots;

    public SlotTakenException(List<BookableSlot> nextSlots) {
        super("start", nextSlots.isEmpty() ? "booking.slotTakenNoneLeft" : "booking.slotTaken");
        this.nextSlots = List.copyOf(nextSlots);
    }

    /** The next times that are still bookable, earliest first. */
    public List<BookableSlot> nextSlots() {
        return nextSlots;
    }
}
