package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/**
 * Whether the organisation emails sessions as invitations, as shown and as submitted.
 *
 * @param sender             the organiser address; blank for the installation's
 * @param audience           WITHOUT_LINKED_CALENDAR or EVERYONE
 * @param declineUnregisters whether a learner's decline unregisters them, before the cancellation deadline
 * @param installationSender the address used when {@code sender} is blank (shown, never submitted)
 */
public record InvitationMailView(boolean enabled, String sender, String audience, boolean declineUnregisters,
        String installationSender)
        implements Serializable {
}
