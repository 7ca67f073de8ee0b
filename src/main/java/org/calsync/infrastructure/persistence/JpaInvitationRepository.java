package org.calsync.infrastructure.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.person.Invitation;
import org.calsync.domain.model.person.InvitationRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaInvitationRepository implements InvitationRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public void add(Invitation invitation) {
        em.persist(invitation);
    }

    @Override
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        return em.createNamedQuery("Invitation.byTokenHash", Invitation.class).setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    @Override
    public List<Invitation> forPerson(TenantId tenantId, String personId) {
        return em.createNamedQuery("Invitation.forPerson", Invitation.class).setParameter("tenant", tenantId.value())
                .setParameter("person", personId).getResultList();
    }

    @Override
    public List<Invitation> newestPerPerson(TenantId tenantId) {
        Map<String, Invitation> newest = new LinkedHashMap<>();
        for (Invitation invitation : em.createNamedQuery("Invitation.forTenant", Invitation.class)
                .setParameter("tenant", tenantId.value()).getResultList()) {
            newest.putIfAbsent(invitation.personId(), invitation);
        }
        return List.copyOf(newest.values());
    }
}
