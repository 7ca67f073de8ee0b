package org.calsync.infrastructure.persistence;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.mail.MailedInvitation;
import org.calsync.domain.model.mail.MailedInvitationRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaMailedInvitationRepository implements MailedInvitationRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<MailedInvitation> find(TenantId tenantId, String sessionId, String personId) {
        return em.createNamedQuery("MailedInvitation.find", MailedInvitation.class).setParameter("tenant", tenantId.value())
                .setParameter("session", sessionId).setParameter("person", personId).getResultStream().findFirst();
    }

    @Override
    public Set<String> invited(TenantId tenantId, String sessionId) {
        return Set.copyOf(em.createNamedQuery("MailedInvitation.invited", String.class)
                .setParameter("tenant", tenantId.value()).setParameter("session", sessionId).getResultList());
    }

    @Override
    public List<String> sessionsMailedTo(TenantId tenantId, String personId) {
        return em.createNamedQuery("MailedInvitation.sessionsOf", String.class).setParameter("tenant", tenantId.value())
                .setParameter("person", personId).getResultList();
    }

    @Override
    public void add(MailedInvitation invitation) {
        em.persist(invitation);
    }
}
