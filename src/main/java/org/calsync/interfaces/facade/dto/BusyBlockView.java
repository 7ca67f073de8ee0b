package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** A busy time and where it came from; the title is "Busy" unless privacy allows more. */
public record BusyBlockView(Instant start, Instant end, boolean allDay, String title, String calendar, String provider,
        String providerLabel, String accountId) implements Serializable {
}
