package org.calsync.interfaces.rest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.SessionCalendarFacade;
import org.calsync.interfaces.facade.SessionFacade;
import org.calsync.interfaces.facade.dto.SessionForm;
import org.calsync.interfaces.facade.dto.ConflictView;
import org.calsync.interfaces.facade.dto.SessionCalendarView;
import org.calsync.interfaces.facade.dto.SessionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("sessions")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final Duration DEFAULT_PAST = Duration.ofDays(7);
    private static final Duration DEFAULT_FUTURE = Duration.ofDays(90);

    @Inject
    private SessionFacade sessions;

    @Inject
    private SessionCalendarFacade sessionCalendars;

    @Inject
    private ApiCaller caller;

    @Context
    private UriInfo uri;

    @GET
    @Operation(summary = "Sessions overlapping a range (default: the last 7 days to the next 90)")
    public List<SessionView> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant now = Instant.now();
        TextInput.Range range = new TextInput().range(from, to, now.minus(DEFAULT_PAST), now.plus(DEFAULT_FUTURE));
        return sessions.list(caller.tenantId(), range.from(), range.to());
    }

    @POST
    @Operation(summary = "Create a session")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid input, one message per field")
    public Response create(SessionRequest request) {
        SessionView created = sessions.create(caller.tenantId(), form(request, true));
        URI location = uri.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One session with its instructors and learners")
    public SessionView get(@PathParam("id") String id) {
        return sessions.get(caller.tenantId(), id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change title, time, zone, venue, meeting link or description")
    public SessionView update(@PathParam("id") String id, SessionRequest request) {
        return sessions.update(caller.tenantId(), id, form(request, false));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a session; it stays visible as cancelled")
    public SessionView cancel(@PathParam("id") String id) {
        return sessions.cancel(caller.tenantId(), id);
    }

    @POST
    @Path("{id}/activate")
    @Operation(summary = "Activate a draft session, so that it is pushed to calendars")
    public SessionView activate(@PathParam("id") String id) {
        return sessions.activate(caller.tenantId(), id);
    }

    @POST
    @Path("{id}/instructors")
    @Operation(summary = "Assign an instructor")
    @APIResponse(responseCode = "409", description = "Already assigned")
    public SessionView assign(@PathParam("id") String id, PersonIdRequest request) {
        return sessions.assignInstructor(caller.tenantId(), id, personId(request));
    }

    @GET
    @Path("{id}/conflicts")
    @Operation(summary = "What a person is already doing while the session runs, in the session's local time: busy "
            + "times from their linked calendars (titled where privacy allows), their other sessions, and Exchange "
            + "free/busy for people with no linked calendar. Assigning is still allowed.")
    public List<ConflictView> conflicts(@PathParam("id") String id, @QueryParam("personId") String personId) {
        if (personId == null || personId.isBlank()) {
            throw new InvalidInputException("personId", "api.conflictsWhose");
        }
        return sessions.conflicts(caller.tenantId(), id, personId);
    }

    @DELETE
    @Path("{id}/instructors/{personId}")
    @Operation(summary = "Unassign an instructor")
    public SessionView unassign(@PathParam("id") String id, @PathParam("personId") String personId) {
        return sessions.unassignInstructor(caller.tenantId(), id, personId);
    }

    @POST
    @Path("{id}/registrations")
    @Operation(summary = "Register a learner")
    @APIResponse(responseCode = "409", description = "Already registered")
    public SessionView register(@PathParam("id") String id, PersonIdRequest request) {
        return sessions.register(caller.tenantId(), id, personId(request));
    }

    @POST
    @Path("{id}/registrations/bulk")
    @Operation(summary = "Register a class list in one request: everyone not registered yet; people already "
            + "registered are left as they are, so the same list may be sent again. All or nothing: an unknown id "
            + "registers nobody (400).")
    public SessionView registerAll(@PathParam("id") String id, PersonIdsRequest request) {
        return sessions.registerAll(caller.tenantId(), id, personIds(request));
    }

    @PUT
    @Path("{id}/responses/{personId}")
    @Operation(summary = "Record a learner's or instructor's answer to the session's invitation, given through the host "
            + "platform. Answers by email reply and in the portal are recorded too; each person's latest answer is on "
            + "the session. A decline follows the organisation's rules (see settings/invitation-mail).")
    @APIResponse(responseCode = "400", description = "Not a known answer, or the person is not on the session")
    public SessionView respond(@PathParam("id") String id, @PathParam("personId") String personId,
            ResponseRequest request) {
        if (request == null || request.response == null) {
            throw new InvalidInputException("response", "api.responseRequired");
        }
        return sessions.answerThroughApi(caller.tenantId(), id, personId, request.response);
    }

    @GET
    @Path("{id}/calendars/{personId}")
    @Operation(summary = "Where the session goes in each of the person's linked accounts: the calendar that receives it, "
            + "the account's usual target, and the calendars that may be chosen instead")
    @APIResponse(responseCode = "400", description = "The person neither teaches nor attends the session")
    public List<SessionCalendarView> calendars(@PathParam("id") String id, @PathParam("personId") String personId) {
        return sessionCalendars.of(caller.tenantId(), id, personId);
    }

    @PUT
    @Path("{id}/calendars/{personId}/{accountId}")
    @Operation(summary = "Send the session to another calendar of one of the person's accounts, for this session only. "
            + "The event is deleted from the calendar it was in and written into the chosen one within seconds; "
            + "a null calendarId goes back to the account's usual target.")
    @APIResponse(responseCode = "400", description = "The calendar is not in the account or does not accept events, "
            + "or the person is not on the session")
    @APIResponse(responseCode = "409", description = "Another choice for the same account was stored at the same moment")
    public SessionCalendarView chooseCalendar(@PathParam("id") String id, @PathParam("personId") String personId,
            @PathParam("accountId") String accountId, SessionCalendarRequest request) {
        return sessionCalendars.choose(caller.tenantId(), id, personId, accountId,
                request == null ? null : request.calendarId);
    }

    @DELETE
    @Path("{id}/registrations/{personId}")
    @Operation(summary = "Unregister a learner")
    public SessionView unregister(@PathParam("id") String id, @PathParam("personId") String personId) {
        return sessions.unregister(caller.tenantId(), id, personId);
    }

    private static List<String> personIds(PersonIdsRequest request) {
        if (request == null || request.personIds == null || request.personIds.isEmpty()
                || request.personIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new InvalidInputException("personIds", "api.personIdsRequired");
        }
        if (request.personIds.size() > PersonIdsRequest.MAX) {
            throw new InvalidInputException("personIds", "api.tooManyPeople", PersonIdsRequest.MAX);
        }
        return request.personIds;
    }

    private static String personId(PersonIdRequest request) {
        if (request == null || request.personId == null || request.personId.isBlank()) {
            throw new InvalidInputException("personId", "api.personIdRequired");
        }
        return request.personId;
    }

    private static SessionForm form(SessionRequest request, boolean creating) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
        TextInput input = new TextInput();
        String courseTitle = input.text("courseTitle", request.courseTitle);
        var start = input.localDateTime("start", request.start);
        var end = input.localDateTime("end", request.end);
        String timeZone = input.text("timeZone", request.timeZone);
        String venue = input.text("venue", request.venue);
        String meetingLink = input.text("meetingLink", request.meetingLink);
        String description = input.text("description", request.description);
        String onlineMeeting = input.text("onlineMeeting", request.onlineMeeting);
        String state = null;
        if (creating) {
            state = input.text("state", request.state);
        } else {
            input.absent("state", request.state, "api.stateOnUpdate");
        }
        input.throwIfInvalid();
        return new SessionForm(courseTitle, start, end, timeZone, venue, meetingLink, description, state, onlineMeeting);
    }
}
