package org.calsync.interfaces.rest;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.dto.PersonForm;
import org.calsync.interfaces.facade.dto.PersonView;
import org.calsync.interfaces.facade.dto.RoleView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("")
@Tag(name = "People")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PersonResource {

    @Inject
    private PeopleFacade people;

    @Inject
    private ApiCaller caller;

    @Context
    private UriInfo uri;

    @GET
    @Path("people")
    @Operation(summary = "Everyone in the tenant")
    public List<PersonView> list() {
        return people.list(caller.tenantId());
    }

    @POST
    @Path("people")
    @Operation(summary = "Create a person")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The email is already in use")
    public Response create(PersonRequest request) {
        PersonView created = people.create(caller.tenantId(), form(request));
        URI location = uri.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Path("people/{id}")
    public PersonView get(@PathParam("id") String id) {
        return people.get(caller.tenantId(), id);
    }

    @PUT
    @Path("people/{id}")
    @Operation(summary = "Change a person's details, roles or password")
    public PersonView update(@PathParam("id") String id, PersonRequest request) {
        return people.update(caller.tenantId(), id, form(request));
    }

    @GET
    @Path("roles")
    @Tag(name = "Roles")
    @Operation(summary = "The tenant's roles and their permissions")
    public List<RoleView> roles() {
        return people.roles(caller.tenantId());
    }

    private static PersonForm form(PersonRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        TextInput input = new TextInput();
        String email = input.text("email", request.email);
        String displayName = input.text("displayName", request.displayName);
        String timeZone = input.text("timeZone", request.timeZone);
        var workStart = input.localTime("workStart", input.text("workStart", request.workStart));
        var workEnd = input.localTime("workEnd", input.text("workEnd", request.workEnd));
        var workDays = input.texts("workDays", request.workDays);
        var roles = input.texts("roles", request.roles);
        String password = input.text("password", request.password);
        // A JSON null follows the organisation's language; a missing field keeps the person's.
        String language = request.language == null ? null
                : request.language.getValueType() == jakarta.json.JsonValue.ValueType.NULL ? PersonForm.ORGANISATION_LANGUAGE
                : input.text("language", request.language);
        input.throwIfInvalid();
        return new PersonForm(email, displayName, timeZone, workStart, workEnd, workDays, roles, password, language);
    }
}
