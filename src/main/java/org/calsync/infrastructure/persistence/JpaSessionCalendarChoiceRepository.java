package org.calsync.infrastructure.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.calendar.SessionCalendarChoice;
import org.calsync.domain.model.calendar.SessionCalendarChoiceRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaSessionCalendarChoiceRepository implements SessionCalendarChoiceRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public List<SessionCalendarChoice> forSessionAndPerson(TenantId tenantId, String sessionId, String personId) {
        return em.createNamedQuery("SessionCalendarChoice.forSessionAndPerson", SessionCalendarChoice.class)
                .setParameter("tenant", tenantId.value()).setParameter("session", sessionId)
                .setParameter("person", personId).getResultList();
    }

    @Override
    public List<SessionCalendarChoice> forSession(TenantId tenantId, String sessionId) {
        return em.createNamedQuery("SessionCalendarChoice.forSession", SessionCalendarChoice.class)
                .setParameter("tenant", tenantId.value()).setParameter("session", sessionId).getResultList();
    }

    @Override
    public void add(SessionCalendarChoice choice) {
        em.persist(choice);
    }

    @Override
    public void remove(SessionCalendarChoice choice) {
        em.remove(choice);
    }
}
