package org.calsync.interfaces.jobs;

import java.util.List;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Counts the outcomes of the pulled calendars into the job's exit status, e.g. "OK=12 PARTIAL=1". */
@Named
@Dependent
public class PullOutcomeWriter extends AbstractItemWriter {

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Override
    public void writeItems(List<Object> outcomes) {
        // The reader put the progress there when it opened.
        PullProgress progress = (PullProgress) step.getPersistentUserData();
        outcomes.forEach(outcome -> progress.count((String) outcome));
        step.setPersistentUserData(progress);
        job.setExitStatus(progress.exitStatus());
    }
}
