package org.calsync.testsupport;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.calsync.domain.model.sync.OutboxChannel;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.sync.OutboxState;
import org.calsync.domain.model.tenant.TenantId;

/**
 * The push outbox in a map, answering as the JPA repository does, for application tests without a database.
 * Claims between instances are the database's conditional update, which the cluster tests prove; one process
 * has nobody to claim against, so they are not offered here.
 */
public final class InMemoryOutbox implements OutboxRepository {

    private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();

    @Override
    public void add(OutboxEntry entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    public List<String> dueIds(Instant now, int limit) {
        return pending().filter(entry -> !entry.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt)).limit(limit).map(OutboxEntry::id).toList();
    }

    @Override
    public Optional<Instant> nextAttempt() {
        return pending().map(OutboxEntry::nextAttemptAt).min(Comparator.naturalOrder());
    }

    @Override
    public Optional<OutboxEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public List<OutboxEntry> failing(TenantId tenantId, int limit) {
        return entries.values().stream().filter(entry -> entry.tenantId().equals(tenantId))
                .filter(entry -> entry.state() == OutboxState.DEAD
                        || entry.state() == OutboxState.PENDING && entry.attempts() > 0)
                .limit(limit).toList();
    }

    @Override
    public Optional<OutboxEntry> find(TenantId tenantId, String id) {
        return find(id).filter(entry -> entry.tenantId().equals(tenantId));
    }

    @Override
    public List<OutboxEntry> pendingFor(TenantId tenantId, String personId) {
        return pending().filter(entry -> entry.tenantId().equals(tenantId) && entry.personId().equals(personId))
                .toList();
    }

    @Override
    public List<OutboxEntry> changedSince(TenantId tenantId, Instant since) {
        throw new UnsupportedOperationException("the activity chart reads the database");
    }

    @Override
    public void remove(OutboxEntry entry) {
        entries.remove(entry.id());
    }

    @Override
    public Optional<Claim> claim(String id, String instance, Instant now, Instant until) {
        throw new UnsupportedOperationException("claims between instances are the database's; see ClusterSyncIT");
    }

    @Override
    public Set<String> emailsWaiting(TenantId tenantId, String sessionId) {
        return pending().filter(entry -> entry.channel() == OutboxChannel.EMAIL && entry.tenantId().equals(tenantId)
                && entry.sessionId().equals(sessionId)).map(OutboxEntry::personId).collect(Collectors.toSet());
    }

    @Override
    public int releaseClaimsOf(String instance, Instant now) {
        throw new UnsupportedOperationException("claims between instances are the database's; see ClusterSyncIT");
    }

    @Override
    public long countPending(TenantId tenantId) {
        return pending().filter(entry -> entry.tenantId().equals(tenantId)).count();
    }

    @Override
    public java.util.Map<OutboxChannel, Backlog> backlog() {
        java.util.Map<OutboxChannel, Backlog> backlog = new java.util.EnumMap<>(OutboxChannel.class);
        pending().forEach(entry -> backlog.merge(entry.channel(), new Backlog(1, entry.createdAt()),
                (a, b) -> new Backlog(a.pending() + 1, a.oldestSince().isBefore(b.oldestSince()) ? a.oldestSince()
                        : b.oldestSince())));
        return backlog;
    }

    private java.util.stream.Stream<OutboxEntry> pending() {
        return entries.values().stream().filter(entry -> entry.state() == OutboxState.PENDING);
    }
}
