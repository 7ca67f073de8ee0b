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

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.UnknownEntityException;
import org.calsync.interfaces.facade.SelfBookingFacade;
import org.calsync.interfaces.facade.dto.AvailabilityForm;
import org.calsync.interfaces.facade.dto.BookableKindForm;
import org.calsync.interfaces.facade.dto.BookableKindView;
import org.calsync.interfaces.facade.dto.BookableSlotView;
import org.calsync.interfaces.facade.dto.PublishedAvailabilityView;
import org.calsync.interfaces.facade.dto.SessionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Self-booking for the host platform: instructors' availability and bookable kinds, the bookable times, and
 * bookings. A booking is a one-to-one session, pushed to both people's calendars.
 */
@Path("")
@Tag(name = "Self-booking")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookingResource {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(14);

    @Inject
    private SelfBookingFacade booking;

    @Inject
    private ApiCaller caller;

    @PUT
    @Path("people/{personId}/availability")
    @Operation(summary = "Publish when an instructor can be booked, replacing what was published")
    @APIResponse(responseCode = "400", description = "Invalid input, one message per field")
    public PublishedAvailabilityView publish(@PathParam("personId") String personId, AvailabilityRequest request) {
        requireBody(request);
        TextInput input = new TextInput();
        List<AvailabilityForm.Hours> hours = request.weeklyHours == null ? List.of() : request.weeklyHours.stream()
                .map(h -> new AvailabilityForm.Hours(h.day, input.localTime("weeklyHours", h.start),
                        input.localTime("weeklyHours", h.end))).toList();
        List<AvailabilityForm.Change> changes = request.changes == null ? List.of() : request.changes.stream()
                .map(c -> new AvailabilityForm.Change(input.localDate("changes", c.date, null), c.kind,
                        input.localTime("changes", c.start), input.localTime("changes", c.end))).toList();
        input.throwIfInvalid();
        return booking.publish(caller.tenantId(), personId, new AvailabilityForm(request.zone, hours, changes));
    }

    @GET
    @Path("people/{personId}/availability")
    @Operation(summary = "What an instructor published (404 when nothing)")
    public PublishedAvailabilityView availability(@PathParam("personId") String personId) {
        return booking.availabilityOf(caller.tenantId(), personId)
                .orElseThrow(() -> new UnknownEntityException("availability", personId));
    }

    @POST
    @Path("people/{personId}/bookable-kinds")
    @Operation(summary = "Offer a kind of one-to-one meeting learners can book with the instructor")
    @APIResponse(responseCode = "201", description = "Created")
    public Response offer(@PathParam("personId") String personId, BookableKindRequest request) {
        BookableKindView kind = booking.offer(caller.tenantId(), personId, form(request));
        return Response.created(URI.create("bookable-kinds/" + kind.id())).entity(kind).build();
    }

    @GET
    @Path("people/{personId}/bookable-kinds")
    @Operation(summary = "The instructor's bookable kinds, withdrawn ones included")
    public List<BookableKindView> kinds(@PathParam("personId") String personId) {
        return booking.kindsOf(caller.tenantId(), personId);
    }

    @GET
    @Path("bookable-kinds/{id}")
    @Operation(summary = "One bookable kind")
    public BookableKindView kind(@PathParam("id") String id) {
        return booking.kind(caller.tenantId(), id);
    }

    @PUT
    @Path("bookable-kinds/{id}")
    @Operation(summary = "Change a bookable kind; bookings already made keep their time")
    public BookableKindView change(@PathParam("id") String id, BookableKindRequest request) {
        return booking.change(caller.tenantId(), id, form(request));
    }

    @DELETE
    @Path("bookable-kinds/{id}")
    @Operation(summary = "Withdraw a bookable kind: no new bookings; those made stay")
    public BookableKindView withdraw(@PathParam("id") String id) {
        return booking.withdraw(caller.tenantId(), id);
    }

    @GET
    @Path("bookable-kinds/{id}/slots")
    @Operation(summary = "The bookable times starting in a range (default: the next 14 days; at most 62)")
    public List<BookableSlotView> slots(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Instant now = Instant.now();
        TextInput.Range range = new TextInput().range(from, to, now, now.plus(DEFAULT_RANGE));
        return booking.slots(caller.tenantId(), id, range.from(), range.to());
    }

    @POST
    @Path("bookings")
    @Operation(summary = "Book a bookable time: a one-to-one session with the instructor, pushed to both calendars")
    @APIResponse(responseCode = "201", description = "Booked")
    @APIResponse(responseCode = "409", description = "The time was just taken or became busy; nextSlots lists the next free times")
    public Response book(BookingRequest request) {
        requireBody(request);
        Instant start = start(request);
        SessionView session = booking.book(caller.tenantId(), request.kindId, request.learnerId, start);
        return Response.created(URI.create("sessions/" + session.id())).entity(session).build();
    }

    @POST
    @Path("bookings/{sessionId}/move")
    @Operation(summary = "Move a booking to another bookable time of its kind")
    @APIResponse(responseCode = "409", description = "Past the deadline, or the time was just taken (with nextSlots)")
    public SessionView move(@PathParam("sessionId") String sessionId, BookingRequest request) {
        return booking.move(caller.tenantId(), sessionId, start(request), byLearner(request));
    }

    @POST
    @Path("bookings/{sessionId}/cancel")
    @Operation(summary = "Cancel a booking; both calendars lose the event")
    @APIResponse(responseCode = "409", description = "Past the deadline for a learner, or already cancelled")
    public SessionView cancel(@PathParam("sessionId") String sessionId, BookingRequest request) {
        return booking.cancel(caller.tenantId(), sessionId, byLearner(request));
    }

    /** A learner's change unless the request says otherwise: the organisation's deadline then applies. */
    private static boolean byLearner(BookingRequest request) {
        return request == null || !Boolean.FALSE.equals(request.byLearner);
    }

    private static Instant start(BookingRequest request) {
        TextInput input = new TextInput();
        Instant start = input.instant("start", request == null ? null : request.start, null);
        input.throwIfInvalid();
        if (start == null) {
            throw new InvalidInputException("start", "booking.startRequired");
        }
        return start;
    }

    private static void requireBody(Object request) {
        if (request == null) {
            throw new InvalidInputException("body", "api.bodyRequired");
        }
    }

    private static BookableKindForm form(BookableKindRequest request) {
        requireBody(request);
        return new BookableKindForm(request.name, orZero(request.lengthMinutes), orZero(request.bufferBeforeMinutes),
                orZero(request.bufferAfterMinutes), orZero(request.noticeMinutes), or(request.horizonDays, 30),
                or(request.maxPerDay, 8), or(request.startEveryMinutes, 15), request.meetingLink);
    }

    private static int orZero(Integer value) {
        return or(value, 0);
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
