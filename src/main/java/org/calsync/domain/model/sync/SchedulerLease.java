package org.calsync.domain.model.sync;

import java.time.Duration;

/** Makes a scheduled job run once in a cluster: only the instance that takes the lease runs it. */
public interface SchedulerLease {

    /** Takes the named lease for this long if it is free, expired, or already ours. */
    boolean tryAcquire(String name, String holder, Duration forHowLong);

    /** Frees the named lease if this holder has it, so that the next run, anywhere, need not wait for it to expire. */
    void release(String name, String holder);

    /** Frees every lease a departed instance held, so that the next run of its jobs is not kept waiting. */
    void releaseHeldBy(String holder);
}
