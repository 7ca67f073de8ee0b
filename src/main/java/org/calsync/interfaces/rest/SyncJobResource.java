package org.calsync.interfaces.rest;

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
    @Operation(summary = "Start the calendar-pull batch job for the tenant (or one person with ?personId=); "
            + "poll its status with GET /sync-jobs/{executionId}")
    public Response start(@QueryParam("personId") String personId) {
        SyncJobView job = jobs.start(caller.tenantId(), personId);
        return Response.accepted(job).header("Location", "sync-jobs/" + job.executionId()).build();
    }

    @GET
    @Path("{executionId}")
    public SyncJobView status(@PathParam("executionId") long executionId) {
        return jobs.status(caller.tenantId(), executionId);
    }
}
