package org.calsync.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(em.find(Tenant.class, id.value()));
    }

    @Override
    public Optional<Tenant> findByName(String name) {
        return em.createNamedQuery("Tenant.findByName", Tenant.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public List<Tenant> all() {
        return em.createNamedQuery("Tenant.all", Tenant.class).getResultList();
    }

    @Override
    public void add(Tenant tenant) {
        em.persist(tenant);
        // Other aggregates refer to a tenant by a plain id column, not a mapped relationship, so EclipseLink
        // cannot order their inserts after this one; writing the tenant row now keeps the foreign keys happy.
        em.flush();
    }
}
