package org.calsync.interfaces.rest;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.CalendarFacade;
import org.calsync.interfaces.facade.dto.AccountRemovalView;
import org.calsync.interfaces.facade.dto.AllRemovedView;
import org.calsync.interfaces.facade.dto.RemovalScopeView;
import org.calsync.interfaces.facade.dto.CalendarAccountView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk provisioning of linked calendars by IT or the host platform. */
@Path("")
@Tag(name = "Calendar accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarAccountResource {

    @Inject
    private CalendarFacade calendars;

    @Inject
    private ApiCaller caller;

    @GET
    @Path("people/{personId}/calendar-accounts")
    @Operation(summary = "The person's linked accounts and their calendars (never their secrets)")
    public List<CalendarAccountView> list(@PathParam("personId") String personId) {
        return calendars.accountsOf(caller.tenantId(), personId, caller.language());
    }

    @POST
    @Path("people/{personId}/calendar-accounts")
    @Operation(summary = "Link a CalDAV or iCloud account: the calendars are discovered and the first writable one "
            + "receives sessions until another is chosen")
    @APIResponse(responseCode = "201", description = "Linked")
    @APIResponse(responseCode = "400", description = "Refused credentials, unreachable server or provider not enabled")
    public Response link(@PathParam("personId") String personId, LinkAccountRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        CalendarAccountView account = calendars.link(caller.tenantId(), personId, request.provider, request.serverUrl,
                request.username, request.password, caller.language());
        return Response.created(URI.create("calendar-accounts/" + account.id())).entity(account).build();
    }

    @GET
    @Path("calendar-accounts/{id}")
    public CalendarAccountView get(@PathParam("id") String id) {
        return calendars.get(caller.tenantId(), id, caller.language());
    }

    @PUT
    @Path("calendar-accounts/{id}")
    @Operation(summary = "Choose the target calendar, the calendars checked for conflicts and the privacy mode")
    public CalendarAccountView configure(@PathParam("id") String id, ConfigureAccountRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        return calendars.configure(caller.tenantId(), id, request.targetCalendarId, request.conflictCalendarIds,
                request.privacyMode, caller.language());
    }

    @POST
    @Path("calendar-accounts/{id}/reconnect")
    @Operation(summary = "Give an account whose password was refused (status NEEDS_RECONSENT) its new password; "
            + "it is checked against the server, and waiting pushes go at once")
    @APIResponse(responseCode = "200", description = "Reconnected")
    @APIResponse(responseCode = "400", description = "Missing or refused password, or unreachable server")
    public CalendarAccountView reconnect(@PathParam("id") String id, ReconnectRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        return calendars.reconnect(caller.tenantId(), id, request.password, caller.language());
    }

    @GET
    @Path("people/{personId}/calendar-accounts/removal")
    @Operation(summary = "What removing all of the person's accounts would take: the accounts and the events CalSync wrote")
    public RemovalScopeView removalScope(@PathParam("personId") String personId) {
        return calendars.removalScope(caller.tenantId(), personId);
    }

    @DELETE
    @Path("people/{personId}/calendar-accounts")
    @Operation(summary = "Remove all of the person's accounts, each as a single removal does; an account whose server "
            + "cannot be reached stays and is named")
    public AllRemovedView removeAll(@PathParam("personId") String personId) {
        return calendars.removeAll(caller.tenantId(), personId);
    }

    @DELETE
    @Path("calendar-accounts/{id}")
    @Operation(summary = "Remove the account: every event CalSync wrote there is deleted first")
    public AccountRemovalView remove(@PathParam("id") String id) {
        return calendars.remove(caller.tenantId(), id);
    }
}
