package org.calsync.interfaces.facade;

import java.util.List;

import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.people.PersonService;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.UnknownEntityException;
import org.calsync.interfaces.facade.dto.SyncJobView;
import org.calsync.interfaces.jobs.PullJobs;

/** Starts the calendar-pull job for a tenant and reports on it; never inside a transaction. */
@ApplicationScoped
public class SyncJobFacade {

    @Inject
    private PullJobs jobs;

    @Inject
    private PersonService people;

    /** "Sync now" for the whole tenant. */
    public SyncJobView startForTenant(String tenantId) {
        return status(tenantId, jobs.start(tenantId, List.of()));
    }

    /** "Sync now" for chosen people: one job that pulls every calendar they linked. */
    public SyncJobView start(String tenantId, List<String> personIds) {
        if (personIds == null || personIds.isEmpty()) {
            throw new InvalidInputException("people", "sync.noPeople");
        }
        // Another tenant's person is not found, as on every person route, rather than an empty job.
        TenantId tenant = new TenantId(tenantId);
        personIds.forEach(personId -> people.find(tenant, personId));
        return status(tenantId, jobs.start(tenantId, personIds));
    }

    /** The job's state; when the instance running it left, the state of the execution that took its work over. */
    public SyncJobView status(String tenantId, long requestedId) {
        long executionId = jobs.current(requestedId);
        JobExecution execution = jobs.execution(executionId, tenantId);
        if (execution == null) {
            throw new UnknownEntityException("sync job", String.valueOf(requestedId));
        }
        int[] progress = jobs.progress(executionId);
        return new SyncJobView(executionId, execution.getBatchStatus().name(), execution.getExitStatus(),
                execution.getStartTime() == null ? null : execution.getStartTime().toInstant(),
                execution.getEndTime() == null ? null : execution.getEndTime().toInstant(),
                progress == null ? 0 : progress[0], progress == null ? 0 : progress[1]);
    }
}
