package org.calsync.interfaces.jobs;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.calsync.application.push.PushReconciler;
import org.calsync.domain.model.sync.ClusterMembership;
import org.calsync.domain.model.sync.SchedulerLease;

/**
 * Every two seconds this instance says it is alive, and takes over the work of any instance that stopped saying
 * so: its outbox entries become due at once, its scheduler leases are freed, and its pull executions are started
 * again here. An instance killed with kill -9 is taken over within about ten seconds.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterHeartbeat {

    private static final Logger LOG = Logger.getLogger(ClusterHeartbeat.class.getName());

    @Inject
    private ClusterMembership membership;

    @Inject
    private PushReconciler reconciler;

    @Inject
    private SchedulerLease leases;

    @Inject
    private PullJobs jobs;

    @Inject
    private OutboxDispatcher dispatcher;

    @PostConstruct
    void join() {
        membership.heartbeat();
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void beat() {
        try {
            membership.heartbeat();
            for (String departed : membership.takeOverDeparted()) {
                takeOver(departed);
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next beat tries again, and leases outlive a few misses.
            LOG.log(Level.WARNING, "Cluster heartbeat failed", e);
        }
    }

    private void takeOver(String departed) {
        int entries = reconciler.releaseClaimsOf(departed);
        leases.releaseHeldBy(departed);
        jobs.handOverFromTimer(departed);
        LOG.warning(() -> "Took over departed instance " + departed + ": " + entries + " push entries due again");
        if (entries > 0) {
            dispatcher.drainSoon();
        }
    }
}
