package org.calsync.infrastructure.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.model.sync.SyncRunRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaSyncRunRepository implements SyncRunRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public void add(SyncRun run) {
        em.persist(run);
    }

    @Override
    public int removeFinishedBefore(TenantId tenantId, java.time.Instant before) {
        return em.createNamedQuery("SyncRun.removeFinishedBefore").setParameter("tenant", tenantId.value())
                .setParameter("before", before).executeUpdate();
    }

    @Override
    public List<SyncRun> since(TenantId tenantId, java.time.Instant since) {
        return em.createNamedQuery("SyncRun.since", SyncRun.class).setParameter("tenant", tenantId.value())
                .setParameter("since", since).getResultList();
    }

    @Override
    public List<SyncRun> recent(TenantId tenantId, String accountId, int limit) {
        return em.createNamedQuery("SyncRun.recent", SyncRun.class).setParameter("tenant", tenantId.value())
                .setParameter("account", accountId).setMaxResults(limit).getResultList();
    }
}
