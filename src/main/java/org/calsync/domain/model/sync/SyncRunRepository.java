package org.calsync.domain.model.sync;

import java.util.List;

import org.calsync.domain.model.tenant.TenantId;

public interface SyncRunRepository {

    void add(SyncRun run);

    /** The tenant's runs started since then, for the activity chart. */
    List<SyncRun> since(TenantId tenantId, java.time.Instant since);

    /** The account's most recent runs, newest first. */
    List<SyncRun> recent(TenantId tenantId, String accountId, int limit);

    /** Deletes the tenant's runs that finished before then; returns how many. */
    int removeFinishedBefore(TenantId tenantId, java.time.Instant before);
}
