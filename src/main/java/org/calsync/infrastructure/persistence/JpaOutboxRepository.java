package org.calsync.infrastructure.persistence;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.sync.OutboxChannel;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public void add(OutboxEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<String> dueIds(Instant now, int limit) {
        return em.createNamedQuery("OutboxEntry.dueIds", String.class).setParameter("now", now).setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<Instant> nextAttempt() {
        return em.createNamedQuery("OutboxEntry.nextAttempt", Instant.class).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public Optional<OutboxEntry> find(String id) {
        return Optional.ofNullable(em.find(OutboxEntry.class, id));
    }

    @Override
    public List<OutboxEntry> failing(TenantId tenantId, int limit) {
        return em.createNamedQuery("OutboxEntry.failing", OutboxEntry.class).setParameter("tenant", tenantId.value())
                .setMaxResults(limit).getResultList();
    }

    @Override
    public Optional<OutboxEntry> find(TenantId tenantId, String id) {
        return find(id).filter(entry -> entry.tenantId().equals(tenantId));
    }

    @Override
    public List<OutboxEntry> pendingFor(TenantId tenantId, String personId) {
        return em.createNamedQuery("OutboxEntry.pendingFor", OutboxEntry.class).setParameter("tenant", tenantId.value())
                .setParameter("person", personId).getResultList();
    }

    @Override
    public List<OutboxEntry> changedSince(TenantId tenantId, Instant since) {
        return em.createNamedQuery("OutboxEntry.changedSince", OutboxEntry.class).setParameter("tenant", tenantId.value())
                .setParameter("since", since).getResultList();
    }

    @Override
    public void remove(OutboxEntry entry) {
        em.remove(entry);
    }

    @Override
    public Optional<Claim> claim(String id, String instance, Instant now, Instant until) {
        Optional<Claim> claim = em.createNamedQuery("OutboxEntry.claimOf", Claim.class).setParameter("id", id)
                .getResultStream().findFirst();
        int taken = em.createNamedQuery("OutboxEntry.claim").setParameter("id", id).setParameter("member", instance)
                .setParameter("now", now).setParameter("until", until).executeUpdate();
        return taken == 1 ? claim : Optional.empty();
    }

    @Override
    public Set<String> emailsWaiting(TenantId tenantId, String sessionId) {
        return Set.copyOf(em.createNamedQuery("OutboxEntry.emailsWaiting", String.class)
                .setParameter("tenant", tenantId.value()).setParameter("session", sessionId).getResultList());
    }

    @Override
    public int releaseClaimsOf(String instance, Instant now) {
        return em.createNamedQuery("OutboxEntry.releaseClaimsOf").setParameter("member", instance).setParameter("now", now)
                .executeUpdate();
    }

    @Override
    public long countPending(TenantId tenantId) {
        return em.createNamedQuery("OutboxEntry.countPending", Long.class).setParameter("tenant", tenantId.value())
                .getSingleResult();
    }

    @Override
    public Map<OutboxChannel, Backlog> backlog() {
        Map<OutboxChannel, Long> pending = new EnumMap<>(OutboxChannel.class);
        for (Object[] row : em.createNamedQuery("OutboxEntry.pendingByChannel", Object[].class).getResultList()) {
            // rows written before there were channels have none: they are calendar pushes
            OutboxChannel channel = row[0] == null ? OutboxChannel.CALENDARS : (OutboxChannel) row[0];
            pending.merge(channel, ((Number) row[1]).longValue(), Long::sum);
        }
        // The oldest as an entity's attribute, not MIN(): an aggregate bypasses the converter on PostgreSQL.
        Map<OutboxChannel, Backlog> backlog = new EnumMap<>(OutboxChannel.class);
        pending.forEach((channel, count) -> backlog.put(channel, new Backlog(count,
                em.createNamedQuery("OutboxEntry.oldestPending", Instant.class).setParameter("channel", channel)
                        .setParameter("calendars", channel == OutboxChannel.CALENDARS).setMaxResults(1)
                        .getResultStream().findFirst().orElse(null))));
        return backlog;
    }
}
