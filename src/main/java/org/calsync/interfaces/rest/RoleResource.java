package org.calsync.interfaces.rest;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.dto.RoleView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("roles")
@Tag(name = "People")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoleResource {

    @Inject
    private PeopleFacade people;

    @Inject
    private ApiCaller caller;

    @GET
    @Operation(summary = "The organisation's roles and the permissions each grants")
    public List<RoleView> list() {
        return people.roles(caller.tenantId());
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Set the permissions a role grants. Taking CALENDAR_INTEGRATION away pauses the calendars of its "
            + "people; what CalSync wrote there stays unless removeWrittenEvents=true. Giving it back resumes them.")
    public RoleView update(@PathParam("id") String roleId, PermissionsRequest request,
            @Parameter(description = "Delete the events CalSync wrote in the calendars this change pauses")
            @QueryParam("removeWrittenEvents") boolean removeWrittenEvents) {
        if (request == null || request.permissions == null) {
            throw new InvalidInputException("permissions", "api.permissionsRequired");
        }
        return people.changePermissions(caller.tenantId(), roleId, request.permissions, removeWrittenEvents);
    }

    @Schema(name = "PermissionsRequest")
    public static class PermissionsRequest {

        @Schema(required = true, example = "[\"DELIVER_SESSIONS\", \"CALENDAR_INTEGRATION\"]")
        public Set<String> permissions;
    }
}
