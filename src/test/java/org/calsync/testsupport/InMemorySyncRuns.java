package org.calsync.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.model.sync.SyncRunRepository;
import org.calsync.domain.model.tenant.TenantId;

/** The sync log in a list, answering as the JPA repository does, for application tests without a database. */
public final class InMemorySyncRuns implements SyncRunRepository {

    private final List<SyncRun> runs = new ArrayList<>();

    @Override
    public void add(SyncRun run) {
        runs.add(run);
    }

    @Override
    public List<SyncRun> since(TenantId tenantId, Instant since) {
        return runs.stream().filter(run -> run.tenantId().equals(tenantId) && !run.startedAt().isBefore(since)).toList();
    }

    @Override
    public List<SyncRun> recent(TenantId tenantId, String accountId, int limit) {
        return runs.stream().filter(run -> run.tenantId().equals(tenantId) && accountId.equals(run.accountId()))
                .sorted(Comparator.comparing(SyncRun::startedAt).reversed()).limit(limit).toList();
    }

    @Override
    public int removeFinishedBefore(TenantId tenantId, Instant before) {
        List<SyncRun> old = runs.stream().filter(run -> run.tenantId().equals(tenantId)
                && run.finishedAt().isBefore(before)).toList();
        runs.removeAll(old);
        return old.size();
    }
}
