package org.calsync.interfaces.scheduling;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> outcomes) {
        Map<String, Integer> counts = step.getPersistentUserData() == null ? new TreeMap<>()
                : (TreeMap<String, Integer>) step.getPersistentUserData();
        outcomes.forEach(outcome -> counts.merge((String) outcome, 1, Integer::sum));
        step.setPersistentUserData((Serializable) counts);
        StringBuilder status = new StringBuilder();
        counts.forEach((outcome, count) -> status.append(status.isEmpty() ? "" : " ").append(outcome).append('=').append(count));
        job.setExitStatus(status.toString());
    }
}
