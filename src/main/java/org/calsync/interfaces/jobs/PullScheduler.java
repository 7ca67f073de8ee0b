package org.calsync.interfaces.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.calsync.application.email.ReplyReading;
import org.calsync.application.history.RetentionPurge;
import org.calsync.domain.model.sync.ClusterMembership;
import org.calsync.domain.model.sync.SchedulerLease;
import org.calsync.domain.model.tenant.TenantId;

/**
 * Every hour, the instance that takes the database lease starts the calendar-pull job for every tenant; every
 * ten minutes, the instance that takes another lease keeps the tenants' watches alive; every minute, one reads the
 * replies to invitations; every night, one purges what the tenants' retention no longer keeps.
 * Non-persistent timers on every instance plus the lease: exactly one pull an hour in a cluster, and no
 * timer state that a failover can lose. Outside any transaction, as the batch runtime requires.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PullScheduler {

    private static final Logger LOG = Logger.getLogger(PullScheduler.class.getName());
    /** Shorter than the hour, so a crashed holder's lease never blocks the next run. */
    private static final Duration LEASE = Duration.ofMinutes(50);
    private static final String WATCH_UPKEEP = "watch-upkeep";
    private static final Duration WATCH_LEASE = Duration.ofMinutes(9);
    private static final String RETENTION = "retention-purge";
    /** Most of a day, so that a crashed holder's lease never skips the next night. */
    private static final Duration RETENTION_LEASE = Duration.ofHours(20);

    @Inject
    private SchedulerLease lease;

    @Inject
    private ClusterMembership membership;

    @Inject
    private PullJobs jobs;

    @Inject
    private WatchUpkeep watches;

    @Inject
    private RetentionPurge retention;

    @Inject
    private ReplyReading replies;

    @Schedule(minute = "5", hour = "*", persistent = false)
    void pullEveryHour() {
        if (lease.tryAcquire(PullJobs.JOB, membership.self(), LEASE)) {
            long execution = jobs.startFromTimer(null, List.of());
            LOG.info(() -> "Started the hourly calendar pull, execution " + execution);
        }
    }

    /** Once a night, whichever instance takes the lease deletes what each tenant's retention no longer keeps. */
    @Schedule(minute = "20", hour = "3", persistent = false)
    void purgeOldData() {
        if (lease.tryAcquire(RETENTION, membership.self(), RETENTION_LEASE)) {
            Instant now = Instant.now();
            for (TenantId tenant : retention.tenants()) {
                try {
                    retention.purge(tenant, now);
                } catch (RuntimeException e) { // one tenant's failure leaves the others purged
                    LOG.warning(() -> "tenant=" + tenant + " retention purge failed: " + e);
                }
            }
        }
    }

    /** Every minute, whichever instance takes the reply lease reads the organisations' reply mailboxes. */
    @Schedule(second = "40", minute = "*", hour = "*", persistent = false)
    void readReplies() {
        replies.readAll();
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void keepWatchesAlive() {
        if (lease.tryAcquire(WATCH_UPKEEP, membership.self(), WATCH_LEASE)) {
            watches.upkeepAll();
        }
    }
}
