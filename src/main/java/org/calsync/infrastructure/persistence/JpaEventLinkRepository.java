package org.calsync.infrastructure.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.calendar.EventLink;
import org.calsync.domain.model.calendar.EventLinkRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaEventLinkRepository implements EventLinkRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public List<EventLink> forSessionAndPerson(TenantId tenantId, String sessionId, String personId) {
        return em.createNamedQuery("EventLink.forSessionAndPerson", EventLink.class).setParameter("tenant", tenantId.value())
                .setParameter("session", sessionId).setParameter("person", personId).getResultList();
    }

    @Override
    public List<EventLink> inCalendar(TenantId tenantId, String calendarId) {
        return em.createNamedQuery("EventLink.inCalendar", EventLink.class).setParameter("tenant", tenantId.value())
                .setParameter("calendar", calendarId).getResultList();
    }

    @Override
    public void add(EventLink link) {
        em.persist(link);
    }

    @Override
    public void remove(EventLink link) {
        em.remove(link);
    }
}
