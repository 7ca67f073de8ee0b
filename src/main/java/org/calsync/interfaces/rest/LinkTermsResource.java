package org.calsync.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.LinkTermsFacade;
import org.calsync.interfaces.facade.dto.LinkTermsView;
import org.calsync.interfaces.facade.dto.TermsStandingView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("")
@Tag(name = "Calendar accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LinkTermsResource {

    @Inject
    private LinkTermsFacade terms;

    @Inject
    private ApiCaller caller;

    @GET
    @Path("link-terms")
    @Operation(summary = "The terms people accept before they link a calendar in the portal (text null: none asked)")
    public LinkTermsView get() {
        return terms.current(caller.tenantId());
    }

    @PUT
    @Path("link-terms")
    @Operation(summary = "Set the terms; a blank text asks none. A changed text is accepted again before the next link")
    public LinkTermsView put(LinkTermsRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        return terms.change(caller.tenantId(), request.text);
    }

    @GET
    @Path("people/{personId}/link-terms")
    @Operation(summary = "Whether the person accepted the current terms, and when")
    public TermsStandingView standing(@PathParam("personId") String personId) {
        return terms.standing(caller.tenantId(), personId);
    }

    @POST
    @Path("people/{personId}/link-terms/acceptance")
    @Operation(summary = "Record that the person accepted the current terms, where the host platform asked them")
    public TermsStandingView accept(@PathParam("personId") String personId) {
        return terms.accept(caller.tenantId(), personId);
    }
}
