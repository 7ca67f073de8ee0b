package org.calsync.interfaces.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.calsync.interfaces.facade.CalendarFacade;
import org.calsync.interfaces.facade.SyncFacade;
import org.calsync.interfaces.facade.dto.AlertView;
import org.calsync.interfaces.facade.dto.AvailabilityView;
import org.calsync.interfaces.facade.dto.BusyBlockView;
import org.calsync.interfaces.facade.dto.CalendarAccountView;
import org.calsync.interfaces.facade.dto.PushFailureView;
import org.calsync.interfaces.facade.dto.SyncRunView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("")
@Tag(name = "Sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    @Inject
    private SyncFacade sync;

    @Inject
    private CalendarFacade calendars;

    @Inject
    private ApiCaller caller;

    @POST
    @Path("people/{personId}/sync")
    @Operation(summary = "Sync now: read every linked calendar of the person and return one log entry per calendar")
    public List<SyncRunView> syncNow(@PathParam("personId") String personId) {
        return sync.syncNow(caller.tenantId(), personId, caller.language());
    }

    @GET
    @Path("people/{personId}/busy")
    @Operation(summary = "The person's busy times from linked calendars, for a range (default: the next 14 days)")
    public List<BusyBlockView> busy(@PathParam("personId") String personId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Instant now = Instant.now();
        TextInput.Range range = new TextInput().range(from, to, now, now.plus(Duration.ofDays(14)));
        return sync.busyTimes(caller.tenantId(), personId, range.from(), range.to());
    }

    @GET
    @Path("availability")
    @Operation(summary = "Busy times of several people side by side (people=id,id,...; default range: the next 14 "
            + "days): from their linked calendars, or, for people who linked none, from Exchange's free/busy service "
            + "when the organisation's Exchange has a service account")
    public List<AvailabilityView> availability(@QueryParam("people") String people, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Instant now = Instant.now();
        TextInput.Range range = new TextInput().range(from, to, now, now.plus(Duration.ofDays(14)));
        List<String> ids = TextInput.ids(people);
        return sync.availability(caller.tenantId(), ids, range.from(), range.to());
    }

    @GET
    @Path("calendar-accounts/{id}/sync-runs")
    @Operation(summary = "The account's sync log, newest first")
    public List<SyncRunView> log(@PathParam("id") String accountId) {
        calendars.get(caller.tenantId(), accountId, caller.language());
        return sync.log(caller.tenantId(), accountId, caller.language());
    }

    @GET
    @Path("alerts")
    @Operation(summary = "What syncs could not decide alone, e.g. an instructor deleting a session from their calendar")
    public List<AlertView> alerts() {
        return sync.openAlerts(caller.tenantId(), caller.language());
    }

    @POST
    @Path("alerts/{id}/resolve")
    @Operation(summary = "Mark an alert as dealt with; for CALENDAR_HELD this releases the calendar. A late "
            + "cancellation (asksApproval) must be approved or refused instead (409).")
    public void resolve(@PathParam("id") String alertId) {
        sync.resolveAlert(caller.tenantId(), alertId);
    }

    @POST
    @Path("alerts/{id}/approve")
    @Operation(summary = "Approve a learner's late cancellation: they are unregistered and the event leaves their "
            + "calendar; the decision is written in the sync log")
    public void approve(@PathParam("id") String alertId) {
        sync.approveAlert(caller.tenantId(), alertId);
    }

    @POST
    @Path("alerts/{id}/refuse")
    @Operation(summary = "Refuse a learner's late cancellation: they stay registered and get a short email saying so; "
            + "the decision is written in the sync log")
    public void refuse(@PathParam("id") String alertId) {
        sync.refuseAlert(caller.tenantId(), alertId);
    }

    @GET
    @Path("push-failures")
    @Operation(summary = "Pushes that have not reached a calendar: PENDING while retried with back-off, DEAD after "
            + "the last attempt; newest first")
    public List<PushFailureView> pushFailures() {
        return sync.pushFailures(caller.tenantId());
    }

    @POST
    @Path("push-failures/{id}/retry")
    @Operation(summary = "Try a push again now, with a fresh count of attempts")
    public void retryPush(@PathParam("id") String entryId) {
        sync.retryPush(caller.tenantId(), entryId);
    }

    @DELETE
    @Path("push-failures/{id}")
    @Operation(summary = "Discard a push that gave up (DEAD): that change will not reach the person's calendars; "
            + "409 while it is still being retried")
    public void discardPush(@PathParam("id") String entryId) {
        sync.discardPush(caller.tenantId(), entryId);
    }

    @POST
    @Path("calendar-accounts/{id}/calendars/{calendarId}/release")
    @Operation(summary = "Let a pull that the mass-deletion guard held back go through on the next sync")
    public CalendarAccountView release(@PathParam("id") String accountId, @PathParam("calendarId") String calendarId) {
        return calendars.releaseHold(caller.tenantId(), accountId, calendarId, caller.language());
    }
}
