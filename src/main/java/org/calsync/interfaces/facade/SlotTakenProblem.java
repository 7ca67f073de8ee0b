package org.calsync.interfaces.facade;

import java.util.List;

import org.calsync.domain.shared.ConflictException;
import org.calsync.interfaces.facade.dto.BookableSlotView;

/** A booking refused because its time was just taken or became busy, with the next times that are still free. */
public class SlotTakenProblem extends ConflictException {

    private final transient List<BookableSlotView> nextSlots;

    SlotTakenProblem(String key, List<BookableSlotView> nextSlots) {
        super("start", key);
        this.nextSlots = List.copyOf(nextSlots);
    }

    public List<BookableSlotView> nextSlots() {
        return nextSlots;
    }
}
