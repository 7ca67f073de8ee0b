package org.calsync.domain.model.sync;

import java.util.List;

import org.calsync.domain.model.tenant.TenantId;

public interface SyncRunRepository {

    void add(SyncRun run);

    /** The account's most recent runs, newest first. */
    /** The tenant's runs started since then, for the activity chart. */
    List<SyncRun> since(TenantId tenantId, java.time.Instant since);

    List<SyncRun> recent(TenantId tenantId, String accountId, int limit);
}
