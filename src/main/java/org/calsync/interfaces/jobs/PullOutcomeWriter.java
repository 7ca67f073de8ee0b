package org.calsync.interfaces.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Waits for the chunk's pulls, which run side by side, and counts their outcomes into the job's exit status, e.g.
 * "OK=12 PARTIAL=1". Every pull of the chunk has ended before its checkpoint, so a restarted job never skips one
 * still running.
 */
@Named
@Dependent
public class PullOutcomeWriter extends AbstractItemWriter {

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Override
    public void writeItems(List<Object> pulls) throws Exception {
        List<String> outcomes = new ArrayList<>();
        Exception failed = null;
        for (Object pull : pulls) {
            try {
                outcomes.add(((Future<?>) pull).get().toString());
            } catch (ExecutionException e) {
                // a pull records its own failures; this is one it could not record (the database gone, say)
                if (failed == null) {
                    failed = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        // The reader put the progress there when it opened.
        PullProgress progress = (PullProgress) step.getPersistentUserData();
        outcomes.forEach(progress::count);
        step.setPersistentUserData(progress);
        job.setExitStatus(progress.exitStatus());
        if (failed != null) {
            throw failed;
        }
    }
}
