package org.calsync.domain.model.sync;

import java.util.List;

/**
 * Which instance runs which calendar-pull execution, so that when an instance leaves, a survivor starts its
 * executions again, and whoever follows an execution is led to the one that replaced it.
 */
public interface PullExecutions {

    /** An execution this instance started: every tenant with a null tenant, every person with an empty list. */
    void started(long executionId, String instance, String tenantId, List<String> personIds);

    /** The executions a departed instance had started, oldest first. */
    List<Started> startedBy(String instance);

    /** Records that the execution was started again as another; its own record goes to the survivor. */
    void replaced(Started execution, long replacement, String instance);

    /** The execution that carries on this one's work: itself, or the last of those that replaced it. */
    long current(long executionId);

    /** One recorded execution and what it was asked to pull. */
    record Started(long executionId, String tenantId, List<String> personIds) {
    }
}
