package org.calsync.application.history;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.BusyBlockRepository;
import org.calsync.domain.model.sync.SyncRunRepository;
import org.calsync.domain.model.tenant.RetentionPolicy;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * Deletes what a tenant's retention policy no longer keeps: busy times read from calendars some days after they
 * ended, and sync log entries older than its log retention. The links to CalSync's own events, which it needs to
 * update or delete them, are never touched. Each tenant in a transaction of its own, and each purge is logged
 * with what it removed.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    @Inject
    private TenantRepository tenants;

    @Inject
    private BusyBlockRepository busy;

    @Inject
    private SyncRunRepository runs;

    /** What one purge removed, and up to when. */
    public record Purged(String tenantId, int busyTimes, Instant busyTimesEndedBefore, int syncLogEntries,
            Instant syncLogBefore) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Purged purge(TenantId tenantId, Instant now) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new UnknownEntityException("tenant", tenantId.value()));
        RetentionPolicy policy = tenant.retention();
        Instant busyBefore = policy.busyTimesEndedBefore(now);
        Instant logBefore = policy.syncLogBefore(now);
        Purged purged = new Purged(tenantId.value(), busy.removeEndedBefore(tenantId, busyBefore), busyBefore,
                runs.removeFinishedBefore(tenantId, logBefore), logBefore);
        LOG.info(() -> "tenant=" + tenantId + " retention purge removed " + purged.busyTimes() + " busy times ended before "
                + busyBefore + " and " + purged.syncLogEntries() + " sync log entries from before " + logBefore);
        return purged;
    }

    /** The tenants to purge, each then purged through {@link #purge} in a transaction of its own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TenantId> tenants() {
        return tenants.all().stream().map(Tenant::id).toList();
    }
}
