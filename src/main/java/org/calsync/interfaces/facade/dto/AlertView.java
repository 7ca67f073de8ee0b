package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** Something a sync could not decide alone, for the tenant's admins. */
public record AlertView(String id, String sessionId, String personId, String message, Instant createdAt)
        implements Serializable {
}
