package org.calsync.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.mail.ReplyMailbox;
import org.calsync.domain.model.mail.ReplyMailboxRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaReplyMailboxRepository implements ReplyMailboxRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<ReplyMailbox> find(TenantId tenantId) {
        return Optional.ofNullable(em.find(ReplyMailbox.class, tenantId.value()));
    }

    @Override
    public List<TenantId> reading() {
        return em.createNamedQuery("ReplyMailbox.reading", String.class).getResultStream().map(TenantId::new).toList();
    }

    @Override
    public void add(ReplyMailbox mailbox) {
        em.persist(mailbox);
    }
}
