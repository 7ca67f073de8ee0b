package org.calsync.interfaces.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.calsync.interfaces.facade.SyncJobFacade;
import org.calsync.interfaces.facade.dto.SyncJobView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("sync-jobs")
@Tag(name = "Sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncJobResource {

    @Inject
    private SyncJobFacade jobs;

    @Inject
    private ApiCaller caller;

    @POST
    @Operation(summary = "Start the calendar-pull batch job for the tenant, or for some people (?personId=a&personId=b); "
            + "poll its status and progress (calendarsDone of calendarsTotal) with GET /sync-jobs/{executionId}")
    public Response start(@QueryParam("personId") List<String> personIds) {
        List<String> people = personIds == null ? List.of() : personIds.stream().filter(p -> !p.isBlank()).toList();
        SyncJobView job = people.isEmpty() ? jobs.startForTenant(caller.tenantId()) : jobs.start(caller.tenantId(), people);
        return Response.accepted(job).header("Location", "sync-jobs/" + job.executionId()).build();
    }

    @GET
    @Path("{executionId}")
    public SyncJobView status(@PathParam("executionId") long executionId) {
        return jobs.status(caller.tenantId(), executionId);
    }
}
