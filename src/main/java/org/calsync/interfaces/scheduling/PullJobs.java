package org.calsync.interfaces.scheduling;

import java.util.Properties;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;

/** Starts the calendar-pull job and reads its state. Called outside any JTA transaction, as the batch runtime needs. */
@ApplicationScoped
public class PullJobs {

    public static final String JOB = "calendar-pull";

    /** Starts a pull for one tenant (or every tenant with null), optionally one person; returns the execution id. */
    public long start(String tenantId, String personId) {
        Properties parameters = new Properties();
        if (tenantId != null) {
            parameters.setProperty("tenantId", tenantId);
        }
        if (personId != null) {
            parameters.setProperty("personId", personId);
        }
        return operator().start(JOB, parameters);
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
