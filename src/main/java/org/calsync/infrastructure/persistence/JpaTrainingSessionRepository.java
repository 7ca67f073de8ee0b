package org.calsync.infrastructure.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaTrainingSessionRepository implements TrainingSessionRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<TrainingSession> find(TenantId tenantId, String id) {
        return em.createNamedQuery("TrainingSession.find", TrainingSession.class)
                .setParameter("tenant", tenantId.value()).setParameter("id", id)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<TrainingSession> findForChange(TenantId tenantId, String id) {
        return em.createNamedQuery("TrainingSession.find", TrainingSession.class)
                .setParameter("tenant", tenantId.value()).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public List<TrainingSession> list(TenantId tenantId, Instant from, Instant to) {
        return em.createNamedQuery("TrainingSession.listInRange", TrainingSession.class)
                .setParameter("tenant", tenantId.value()).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    @Override
    public List<TrainingSession> listForPerson(TenantId tenantId, String personId, Instant from, Instant to) {
        return em.createNamedQuery("TrainingSession.listForPerson", TrainingSession.class)
                .setParameter("tenant", tenantId.value()).setParameter("person", personId)
                .setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    @Override
    public Map<String, List<TrainingSession>> listForPeople(TenantId tenantId, Collection<String> personIds,
            Instant from, Instant to) {
        Map<String, List<TrainingSession>> byPerson = new HashMap<>();
        if (personIds.isEmpty()) {
            return byPerson;
        }
        // Each row names its person beside the session, so no session's lists of people are loaded to tell.
        for (String query : List.of("TrainingSession.deliveredBy", "TrainingSession.attendedBy")) {
            for (Object[] row : em.createNamedQuery(query, Object[].class).setParameter("tenant", tenantId.value())
                    .setParameter("people", personIds).setParameter("from", from).setParameter("to", to)
                    .getResultList()) {
                byPerson.computeIfAbsent((String) row[0], person -> new ArrayList<>()).add((TrainingSession) row[1]);
            }
        }
        // Someone who both teaches and attends a session has it once.
        byPerson.replaceAll((person, sessions) -> sessions.stream().distinct()
                .sorted(Comparator.comparing(s -> s.time().start())).toList());
        return byPerson;
    }

    @Override
    public boolean isRegistered(TenantId tenantId, String sessionId, String personId) {
        return !em.createNamedQuery("Registration.of", String.class).setParameter("tenant", tenantId.value())
                .setParameter("session", sessionId).setParameter("person", personId).setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public void add(TrainingSession session) {
        em.persist(session);
    }
}
