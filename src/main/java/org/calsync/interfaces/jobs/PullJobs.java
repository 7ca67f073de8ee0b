package org.calsync.interfaces.jobs;

import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.sync.ClusterMembership;
import org.calsync.domain.model.sync.PullExecutions;

/** Starts the calendar-pull job and reads its state. Called outside any JTA transaction, as the batch runtime needs. */
@ApplicationScoped
public class PullJobs {

    public static final String JOB = "calendar-pull";
    private static final Logger LOG = Logger.getLogger(PullJobs.class.getName());

    @Inject
    private ClusterMembership membership;

    @Inject
    private PullExecutions executions;

    /**
     * Where timers start jobs. Payara runs {@code @Schedule} timeouts in a transaction whatever their attribute says,
     * and the batch repository, which creates its tables on first use, lost them on PostgreSQL when it rolled back:
     * every instance's first hourly pull failed. A managed thread has no transaction.
     */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService outsideTransactions;

    /**
     * Starts a pull for one tenant (every tenant with null), or for some of its people (all with an empty
     * list); returns the execution id. A pull for chosen people checkpoints after every calendar, so that its
     * progress shows calendar by calendar.
     */
    public long start(String tenantId, List<String> personIds) {
        long execution = operator().start(JOB, parameters(tenantId, personIds));
        executions.started(execution, membership.self(), tenantId, personIds);
        return execution;
    }

    /** {@link #start}, for a timer. */
    public long startFromTimer(String tenantId, List<String> personIds) {
        return outsideTransaction(() -> start(tenantId, personIds));
    }

    /** {@link #handOver}, for a timer. */
    public void handOverFromTimer(String departed) {
        outsideTransaction(() -> {
            handOver(departed);
            return null;
        });
    }

    private <T> T outsideTransaction(Callable<T> work) {
        try {
            return outsideTransactions.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting a pull job", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Starts again, on this instance, the pulls a departed instance was running. Pulls read only what changed
     * since each calendar's cursor, so the calendars it had done already cost one request each. The departed
     * execution stays as the job repository last saw it; {@link #current} leads from it to its replacement.
     */
    public void handOver(String departed) {
        for (PullExecutions.Started running : executions.startedBy(departed)) {
            BatchStatus status = operator().getJobExecution(running.executionId()).getBatchStatus();
            if (EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED).contains(status)) {
                Properties parameters = parameters(running.tenantId(), running.personIds());
                long replacement = operator().start(JOB, parameters);
                executions.replaced(running, replacement, membership.self());
                LOG.info(() -> "Pull execution " + running.executionId() + " of departed instance " + departed
                        + " goes on as execution " + replacement);
            }
        }
    }

    private static Properties parameters(String tenantId, List<String> personIds) {
        Properties parameters = new Properties();
        if (tenantId != null) {
            parameters.setProperty("tenantId", tenantId);
        }
        if (!personIds.isEmpty()) {
            parameters.setProperty("personId", String.join(",", personIds));
            parameters.setProperty("chunkSize", "1");
        }
        return parameters;
    }

    /** The execution that carries on the given one's work, after hand-overs from departed instances. */
    public long current(long executionId) {
        return executions.current(executionId);
    }

    /** Calendars pulled so far and in all, as of the last checkpoint; null before the first. */
    public int[] progress(long executionId) {
        for (StepExecution step : operator().getStepExecutions(executionId)) {
            if (step.getPersistentUserData() instanceof PullProgress progress) {
                return new int[] {Math.min(progress.done(), progress.total()), progress.total()};
            }
        }
        return null;
    }

    /** The execution, when it is a calendar-pull of this tenant; null otherwise, so tenants cannot see each other's. */
    public JobExecution execution(long executionId, String tenantId) {
        try {
            JobExecution execution = operator().getJobExecution(executionId);
            Properties parameters = operator().getParameters(executionId);
            boolean ours = JOB.equals(execution.getJobName()) && tenantId.equals(parameters.getProperty("tenantId"));
            return ours ? execution : null;
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
