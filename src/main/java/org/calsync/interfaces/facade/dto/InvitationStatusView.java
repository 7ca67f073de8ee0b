package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * A person's newest invitation as the console shows it.
 *
 * @param state PENDING, ACCEPTED, EXPIRED or REPLACED
 */
public record InvitationStatusView(String personId, String state, Instant sentAt, Instant expiresAt, String invitedBy)
        implements Serializable {
}
