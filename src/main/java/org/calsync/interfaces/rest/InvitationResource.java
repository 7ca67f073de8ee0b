package org.calsync.interfaces.rest;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.calsync.interfaces.facade.InvitationFacade;
import org.calsync.interfaces.facade.dto.InvitationStatusView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("invitations")
@Tag(name = "Invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    @Inject
    private InvitationFacade invitations;

    @Inject
    private ApiCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Email people an invitation to connect their calendar; a new one replaces an earlier link")
    public Map<String, List<String>> invite(InvitationRequest request) {
        List<String> people = request == null || request.people == null ? List.of() : request.people;
        return Map.of("sent", invitations.invite(caller.tenantId(), people, "API"));
    }

    @GET
    @Operation(summary = "Each invited person's newest invitation: PENDING, ACCEPTED, EXPIRED or REPLACED")
    public List<InvitationStatusView> statuses() {
        return List.copyOf(invitations.statuses(caller.tenantId()).values());
    }

    @Schema(name = "InvitationRequest")
    public static class InvitationRequest {

        @Schema(required = true, description = "Ids of the people to invite")
        public List<String> people;
    }
}
