package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * What an invitation link leads to.
 *
 * @param outcome WELCOME, USED, EXPIRED, REPLACED or UNKNOWN
 * @param needsPassword true when the person chooses a password on the page
 */
public record InvitationLandingView(String outcome, String personName, String email, String organisation,
        boolean needsPassword, Instant expiresAt) implements Serializable {
}
