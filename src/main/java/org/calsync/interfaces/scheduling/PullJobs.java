package org.calsync.interfaces.scheduling;

import java.util.List;
import java.util.Properties;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;

/** Starts the calendar-pull job and reads its state. Called outside any JTA transaction, as the batch runtime needs. */
@ApplicationScoped
public class PullJobs {

    public static final String JOB = "calendar-pull";

    /**
     * Starts a pull for one tenant (every tenant with null), or for some of its people (all with an empty
     * list); returns the execution id. A pull for chosen people checkpoints after every calendar, so that its
     * progress shows calendar by calendar.
     */
    public long start(String tenantId, List<String> personIds) {
        Properties parameters = new Properties();
        if (tenantId != null) {
            parameters.setProperty("tenantId", tenantId);
        }
        if (!personIds.isEmpty()) {
            parameters.setProperty("personId", String.join(",", personIds));
            parameters.setProperty("chunkSize", "1");
        }
        return operator().start(JOB, parameters);
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
