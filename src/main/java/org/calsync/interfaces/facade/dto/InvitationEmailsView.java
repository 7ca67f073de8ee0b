package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/** Whether the person's organisation emails sessions as invitations, and whether the person takes them. */
public record InvitationEmailsView(boolean organisationSends, boolean personTakes) implements Serializable {
}
