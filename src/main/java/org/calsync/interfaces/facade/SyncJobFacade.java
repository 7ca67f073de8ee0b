package org.calsync.interfaces.facade;

import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.shared.UnknownEntityException;
import org.calsync.interfaces.facade.dto.SyncJobView;
import org.calsync.interfaces.scheduling.PullJobs;

/** Starts the calendar-pull job for a tenant and reports on it; never inside a transaction. */
@ApplicationScoped
public class SyncJobFacade {

    @Inject
    private PullJobs jobs;

    public SyncJobView start(String tenantId, String personId) {
        long id = jobs.start(tenantId, personId == null || personId.isBlank() ? null : personId);
        return status(tenantId, id);
    }

    public SyncJobView status(String tenantId, long executionId) {
        JobExecution execution = jobs.execution(executionId, tenantId);
        if (execution == null) {
            throw new UnknownEntityException("sync job", String.valueOf(executionId));
        }
        return new SyncJobView(executionId, execution.getBatchStatus().name(), execution.getExitStatus(),
                execution.getStartTime() == null ? null : execution.getStartTime().toInstant(),
                execution.getEndTime() == null ? null : execution.getEndTime().toInstant());
    }
}
