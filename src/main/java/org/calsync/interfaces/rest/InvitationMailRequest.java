package org.calsync.interfaces.rest;

import org.calsync.interfaces.facade.dto.InvitationMailView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of the organisation's invitation emails; fields left out keep their current value. */
@Schema(name = "InvitationMailRequest")
public class InvitationMailRequest {

    @Schema(description = "Email sessions as invitations (.ics) that mail clients add to calendars")
    public Boolean enabled;

    @Schema(description = "The organiser address invitations come from and replies go to; blank for the "
            + "installation's (calsync.mail.from)", example = "training@northwind.example")
    public String sender;

    @Schema(enumeration = {"WITHOUT_LINKED_CALENDAR", "EVERYONE"},
            description = "Only people with no linked calendar that receives sessions, or everyone on a session")
    public String audience;

    @Schema(description = "Whether a learner who declines (by email or in the portal) is unregistered; after the "
            + "cancellation deadline an admin is asked instead. An instructor's decline always asks an admin.")
    public Boolean declineUnregisters;

    InvitationMailView over(InvitationMailView current) {
        return new InvitationMailView(enabled == null ? current.enabled() : enabled,
                sender == null ? current.sender() : sender, audience == null ? current.audience() : audience,
                declineUnregisters == null ? current.declineUnregisters() : declineUnregisters,
                current.installationSender());
    }
}
