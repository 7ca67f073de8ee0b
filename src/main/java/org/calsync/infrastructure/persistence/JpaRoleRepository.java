package org.calsync.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.person.Role;
import org.calsync.domain.model.person.RoleRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaRoleRepository implements RoleRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<Role> find(TenantId tenantId, String id) {
        return em.createNamedQuery("Role.find", Role.class)
                .setParameter("tenant", tenantId.value()).setParameter("id", id)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Role> findByName(TenantId tenantId, String name) {
        return em.createNamedQuery("Role.findByName", Role.class)
                .setParameter("tenant", tenantId.value()).setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public List<Role> list(TenantId tenantId) {
        return em.createNamedQuery("Role.list", Role.class).setParameter("tenant", tenantId.value()).getResultList();
    }

    @Override
    public void add(Role role) {
        em.persist(role);
    }
}
