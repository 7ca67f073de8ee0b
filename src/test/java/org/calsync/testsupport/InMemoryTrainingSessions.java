package org.calsync.testsupport;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.tenant.TenantId;

/** Sessions in a map, answering as the JPA repository does, for application tests without a database. */
public final class InMemoryTrainingSessions implements TrainingSessionRepository {

    private final Map<String, TrainingSession> byId = new LinkedHashMap<>();

    @Override
    public Optional<TrainingSession> find(TenantId tenantId, String id) {
        return Optional.ofNullable(byId.get(id)).filter(session -> session.tenantId().equals(tenantId));
    }

    @Override
    public Optional<TrainingSession> findForChange(TenantId tenantId, String id) {
        return find(tenantId, id);
    }

    @Override
    public List<TrainingSession> list(TenantId tenantId, Instant from, Instant to) {
        return byId.values().stream().filter(session -> session.tenantId().equals(tenantId))
                .filter(session -> session.time().start().isBefore(to) && session.time().end().isAfter(from))
                .sorted((a, b) -> a.time().start().compareTo(b.time().start())).toList();
    }

    @Override
    public Map<String, List<TrainingSession>> listForPeople(TenantId tenantId, Collection<String> personIds,
            Instant from, Instant to) {
        Map<String, List<TrainingSession>> byPerson = new HashMap<>();
        personIds.forEach(person -> {
            List<TrainingSession> theirs = listForPerson(tenantId, person, from, to);
            if (!theirs.isEmpty()) {
                byPerson.put(person, theirs);
            }
        });
        return byPerson;
    }

    @Override
    public boolean isRegistered(TenantId tenantId, String sessionId, String personId) {
        return find(tenantId, sessionId).map(session -> session.registrations().stream()
                .anyMatch(r -> r.person().id().equals(personId))).orElse(false);
    }

    @Override
    public List<TrainingSession> listForPerson(TenantId tenantId, String personId, Instant from, Instant to) {
        return list(tenantId, from, to).stream()
                .filter(session -> session.assignments().stream().anyMatch(a -> a.person().id().equals(personId))
                        || session.registrations().stream().anyMatch(r -> r.person().id().equals(personId)))
                .toList();
    }

    @Override
    public void add(TrainingSession session) {
        byId.put(session.id(), session);
    }
}
