package org.calsync.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.calendar.ChangeWatch;
import org.calsync.domain.model.calendar.ChangeWatchRepository;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaChangeWatchRepository implements ChangeWatchRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public void add(ChangeWatch watch) {
        em.persist(watch);
    }

    @Override
    public void remove(ChangeWatch watch) {
        em.remove(em.contains(watch) ? watch : em.merge(watch));
    }

    @Override
    public Optional<ChangeWatch> find(TenantId tenantId, String id) {
        return Optional.ofNullable(em.find(ChangeWatch.class, id)).filter(w -> w.tenantId().equals(tenantId));
    }

    /** A bulk update: calls come many at once, and an informational time must not fail on a version. */
    @Override
    public void noteNotified(String id, Instant at) {
        em.createNamedQuery("ChangeWatch.noteNotified").setParameter("id", id).setParameter("at", at).executeUpdate();
    }

    @Override
    public Optional<ChangeWatch> findByRemoteId(CalendarProviderType provider, String remoteId) {
        return em.createNamedQuery("ChangeWatch.byRemoteId", ChangeWatch.class).setParameter("provider", provider)
                .setParameter("remoteId", remoteId).getResultStream().findFirst();
    }

    @Override
    public List<ChangeWatch> listForTenant(TenantId tenantId) {
        return em.createNamedQuery("ChangeWatch.forTenant", ChangeWatch.class).setParameter("tenant", tenantId.value())
                .getResultList();
    }

    @Override
    public List<ChangeWatch> listForAccount(TenantId tenantId, String accountId) {
        return em.createNamedQuery("ChangeWatch.forAccount", ChangeWatch.class).setParameter("tenant", tenantId.value())
                .setParameter("account", accountId).getResultList();
    }
}
