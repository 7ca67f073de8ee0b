package org.calsync.infrastructure.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.calendar.BusyBlock;
import org.calsync.domain.model.calendar.BusyBlockRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaBusyBlockRepository implements BusyBlockRepository {

    /** Keeps IN lists well inside every database's parameter limit. */
    private static final int IN_LIST = 500;

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Set<String> remoteIdsIn(TenantId tenantId, String calendarId) {
        return new HashSet<>(em.createNamedQuery("BusyBlock.remoteIdsIn", String.class)
                .setParameter("tenant", tenantId.value()).setParameter("calendar", calendarId).getResultList());
    }

    @Override
    public void removeForRemoteIds(TenantId tenantId, String calendarId, Collection<String> remoteIds) {
        List<String> ids = List.copyOf(remoteIds);
        for (int i = 0; i < ids.size(); i += IN_LIST) {
            em.createNamedQuery("BusyBlock.forRemoteIds", BusyBlock.class).setParameter("tenant", tenantId.value())
                    .setParameter("calendar", calendarId).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + IN_LIST)))
                    .getResultList().forEach(em::remove);
        }
        // Deleted now: EclipseLink would otherwise insert the replacements first, against the unique key.
        em.flush();
    }

    @Override
    public void add(BusyBlock block) {
        em.persist(block);
    }

    @Override
    public int removeEndedBefore(TenantId tenantId, Instant before) {
        return em.createNamedQuery("BusyBlock.removeEndedBefore").setParameter("tenant", tenantId.value())
                .setParameter("before", before).executeUpdate();
    }

    @Override
    public void forgetTitlesOfAccount(TenantId tenantId, String accountId) {
        em.createNamedQuery("BusyBlock.forgetTitlesOfAccount").setParameter("tenant", tenantId.value())
                .setParameter("account", accountId).executeUpdate();
    }

    @Override
    public List<BusyBlock> forPeople(TenantId tenantId, Collection<String> personIds, Instant from, Instant to) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("BusyBlock.forPeople", BusyBlock.class).setParameter("tenant", tenantId.value())
                .setParameter("people", personIds).setParameter("from", from).setParameter("to", to).getResultList();
    }
}
