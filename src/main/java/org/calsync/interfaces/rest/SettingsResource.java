package org.calsync.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.ReplyMailboxFacade;
import org.calsync.interfaces.facade.TenantFacade;
import org.calsync.interfaces.facade.dto.PauseImpactView;
import org.calsync.interfaces.facade.dto.InvitationMailView;
import org.calsync.interfaces.facade.dto.ReplyMailboxView;
import org.calsync.interfaces.facade.dto.ReplyReadView;
import org.calsync.interfaces.facade.dto.RetentionPurgeView;
import org.calsync.interfaces.facade.dto.SettingsView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("settings")
@Tag(name = "Settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    private TenantFacade tenants;

    @Inject
    private ReplyMailboxFacade replies;

    @Inject
    private ApiCaller caller;

    @GET
    @Operation(summary = "The organisation's calendar integration settings")
    public SettingsView get() {
        return tenants.settings(caller.tenantId());
    }

    @GET
    @Path("invitation-mail")
    @Operation(summary = "Whether sessions are emailed as invitations (.ics, iMIP), from which organiser address, and to "
            + "whom: WITHOUT_LINKED_CALENDAR or EVERYONE")
    public InvitationMailView invitationMail() {
        return tenants.invitationMail(caller.tenantId());
    }

    @PUT
    @Path("invitation-mail")
    @Operation(summary = "Turn invitation emails on or off, or change their sender or audience. A blank sender uses the "
            + "installation's (calsync.mail.from). Sessions are emailed when they next change; people are sent an "
            + "invitation, each later change as an update, and a cancellation when they leave or the session is cancelled.")
    public InvitationMailView changeInvitationMail(InvitationMailRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        return tenants.changeInvitationMail(caller.tenantId(), request.over(tenants.invitationMail(caller.tenantId())));
    }

    @GET
    @Path("reply-mailbox")
    @Operation(summary = "The organiser mailbox CalSync reads replies to invitations from (never its password), and "
            + "the outcome of its last read")
    public ReplyMailboxView replyMailbox() {
        return replies.mailbox(caller.tenantId());
    }

    @PUT
    @Path("reply-mailbox")
    @Operation(summary = "Set up the reply mailbox: IMAP host, port, security, user and password (stored encrypted). "
            + "Once enabled, it is read every minute; each reply (iTIP REPLY) sent by the invited person records their "
            + "answer and is moved to the processed folder. Other mail is left in the inbox.")
    public ReplyMailboxView changeReplyMailbox(ReplyMailboxRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        return replies.change(caller.tenantId(), request.over(replies.mailbox(caller.tenantId())), request.password);
    }

    @POST
    @Path("reply-mailbox/read")
    @Operation(summary = "Read the reply mailbox now, and say what was recorded, what was refused, or why it could not "
            + "be read")
    @APIResponse(responseCode = "409", description = "Another read held the mailbox for more than a minute")
    public ReplyReadView readReplies() {
        return replies.readNow(caller.tenantId());
    }

    @POST
    @Path("preview")
    @Operation(summary = "What applying this change would pause: linked calendars, their owners, and the events "
            + "CalSync wrote there. Changes nothing.")
    public PauseImpactView preview(SettingsRequest request) {
        return tenants.impactOf(caller.tenantId(), merged(request));
    }

    @PUT
    @Operation(summary = "Change the settings; fields left out keep their value. Calendars the change pauses (integration "
            + "off, a kind no longer allowed) are neither written to nor read from until allowed again, when their "
            + "upcoming sessions are written again. What CalSync wrote there stays unless removeWrittenEvents=true.")
    public SettingsView update(SettingsRequest request,
            @Parameter(description = "Delete the events CalSync wrote in the calendars this change pauses")
            @QueryParam("removeWrittenEvents") boolean removeWrittenEvents) {
        return tenants.changeSettings(caller.tenantId(), merged(request), removeWrittenEvents);
    }

    @POST
    @Path("retention/purge")
    @Operation(summary = "Purge now what the retention policy no longer keeps (busy times after busyRetentionDays, sync "
            + "log after logRetentionDays), as the nightly job does; says how much went. CalSync's own events are kept.")
    public RetentionPurgeView purge() {
        return tenants.purgeNow(caller.tenantId());
    }

    private SettingsView merged(SettingsRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        return request.over(tenants.settings(caller.tenantId()));
    }
}
