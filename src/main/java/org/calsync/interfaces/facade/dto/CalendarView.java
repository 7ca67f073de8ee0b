package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** One calendar of a linked account and what CalSync does with it; holdReason is set while a pull is held back. */
public record CalendarView(String id, String name, boolean writable, boolean pushTarget, boolean conflictCheck,
        Instant lastSyncedAt, String holdReason) implements Serializable {
}
