package org.calsync.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.sync.AdminAlert;
import org.calsync.domain.model.sync.AdminAlertRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaAdminAlertRepository implements AdminAlertRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public void add(AdminAlert alert) {
        em.persist(alert);
    }

    @Override
    public Optional<AdminAlert> find(TenantId tenantId, String id) {
        return em.createNamedQuery("AdminAlert.find", AdminAlert.class).setParameter("tenant", tenantId.value())
                .setParameter("id", id).getResultStream().findFirst();
    }

    @Override
    public Optional<AdminAlert> openForCalendar(TenantId tenantId, String calendarId, AdminAlert.Kind kind) {
        return em.createNamedQuery("AdminAlert.openForCalendar", AdminAlert.class).setParameter("tenant", tenantId.value())
                .setParameter("calendar", calendarId).setParameter("kind", kind).getResultStream().findFirst();
    }

    @Override
    public List<AdminAlert> open(TenantId tenantId) {
        return em.createNamedQuery("AdminAlert.open", AdminAlert.class).setParameter("tenant", tenantId.value())
                .getResultList();
    }
}
