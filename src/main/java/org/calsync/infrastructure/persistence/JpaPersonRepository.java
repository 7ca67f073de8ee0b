package org.calsync.infrastructure.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaPersonRepository implements PersonRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<Person> find(TenantId tenantId, String id) {
        return em.createNamedQuery("Person.find", Person.class)
                .setParameter("tenant", tenantId.value()).setParameter("id", id)
                .getResultStream().findFirst();
    }

    @Override
    public List<Person> findAll(TenantId tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("Person.findAll", Person.class)
                .setParameter("tenant", tenantId.value()).setParameter("ids", ids).getResultList();
    }

    @Override
    public Optional<Person> findByEmail(String email) {
        return em.createNamedQuery("Person.findByEmail", Person.class)
                .setParameter("email", Person.normaliseEmail(email))
                .getResultStream().findFirst();
    }

    @Override
    public List<Person> list(TenantId tenantId) {
        return em.createNamedQuery("Person.list", Person.class).setParameter("tenant", tenantId.value()).getResultList();
    }

    @Override
    public List<Person> listWithPermission(TenantId tenantId, Permission permission) {
        return em.createNamedQuery("Person.listWithPermission", Person.class)
                .setParameter("tenant", tenantId.value()).setParameter("permission", permission)
                .getResultList();
    }

    @Override
    public void add(Person person) {
        em.persist(person);
    }
}
