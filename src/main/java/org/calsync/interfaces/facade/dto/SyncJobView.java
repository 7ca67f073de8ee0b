package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** A calendar-pull job: STARTING, STARTED, COMPLETED, FAILED ...; the exit status counts outcomes, e.g. "OK=3". */
public record SyncJobView(long executionId, String status, String exitStatus, Instant startedAt, Instant endedAt)
        implements Serializable {
}
