package org.calsync.interfaces.jobs;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.calsync.application.watch.ChangeWatches;
import org.calsync.domain.model.tenant.TenantId;

/**
 * Runs the upkeep of watches: every ten minutes for all tenants (from {@link PullScheduler}), and for one
 * tenant soon after its calendars or its watch setting change, or when a provider asks for a renewal. One
 * upkeep at a time on this instance, so two never watch the same calendar twice.
 */
@ApplicationScoped
public class WatchUpkeep {

    private static final Logger LOG = Logger.getLogger(WatchUpkeep.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Inject
    private ChangeWatches watches;

    private final ReentrantLock oneAtATime = new ReentrantLock();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeWatches.CalendarsChanged changed) {
        upkeepSoon(changed.tenantId());
    }

    public void upkeepAll() {
        oneAtATime.lock();
        try {
            watches.upkeepAll();
        } finally {
            oneAtATime.unlock();
        }
    }

    public void upkeepSoon(TenantId tenantId) {
        soon(() -> watches.upkeep(tenantId));
    }

    public void renewSoon(TenantId tenantId, String watchId) {
        soon(() -> watches.renewNow(tenantId, watchId));
    }

    private void soon(Runnable work) {
        try {
            executor.execute(() -> {
                oneAtATime.lock();
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Watch upkeep failed; the scheduled one tries again", e);
                } finally {
                    oneAtATime.unlock();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "No thread for the watch upkeep; the scheduled one does it", e);
        }
    }
}
