package org.calsync.infrastructure.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaCalendarAccountRepository implements CalendarAccountRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<CalendarAccount> find(TenantId tenantId, String id) {
        return em.createNamedQuery("CalendarAccount.find", CalendarAccount.class)
                .setParameter("tenant", tenantId.value()).setParameter("id", id).getResultStream().findFirst();
    }

    @Override
    public List<CalendarAccount> listForPerson(TenantId tenantId, String personId) {
        return em.createNamedQuery("CalendarAccount.listForPerson", CalendarAccount.class)
                .setParameter("tenant", tenantId.value()).setParameter("person", personId).getResultList();
    }

    @Override
    public List<CalendarAccount> listForPeople(TenantId tenantId, Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("CalendarAccount.listForPeople", CalendarAccount.class)
                .setParameter("tenant", tenantId.value()).setParameter("people", personIds).getResultList();
    }

    @Override
    public List<CalendarAccount> listForTenant(TenantId tenantId) {
        return em.createNamedQuery("CalendarAccount.listForTenant", CalendarAccount.class)
                .setParameter("tenant", tenantId.value()).getResultList();
    }

    @Override
    public Set<String> peopleWithAccounts(TenantId tenantId, Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNamedQuery("CalendarAccount.peopleWithAccounts", String.class)
                .setParameter("tenant", tenantId.value()).setParameter("people", personIds).getResultList());
    }

    @Override
    public void add(CalendarAccount account) {
        em.persist(account);
    }

    @Override
    public void remove(CalendarAccount account) {
        em.remove(account);
    }
}
