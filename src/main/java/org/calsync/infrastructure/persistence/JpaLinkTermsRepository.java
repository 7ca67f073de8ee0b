package org.calsync.infrastructure.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.tenant.LinkTerms;
import org.calsync.domain.model.tenant.LinkTermsAcceptance;
import org.calsync.domain.model.tenant.LinkTermsRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaLinkTermsRepository implements LinkTermsRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<LinkTerms> find(TenantId tenantId) {
        return Optional.ofNullable(em.find(LinkTerms.class, tenantId.value()));
    }

    @Override
    public void add(LinkTerms terms) {
        em.persist(terms);
    }

    @Override
    public void remove(LinkTerms terms) {
        em.remove(em.contains(terms) ? terms : em.merge(terms));
    }

    @Override
    public Optional<LinkTermsAcceptance> acceptance(TenantId tenantId, String personId) {
        return Optional.ofNullable(em.find(LinkTermsAcceptance.class, personId))
                .filter(acceptance -> acceptance.tenantId().equals(tenantId));
    }

    @Override
    public void add(LinkTermsAcceptance acceptance) {
        em.persist(acceptance);
    }

    @Override
    public long acceptedCount(LinkTerms terms) {
        return em.createNamedQuery("LinkTermsAcceptance.countOfVersion", Long.class)
                .setParameter("tenantId", terms.tenantId().value()).setParameter("changedAt", terms.changedAt())
                .getSingleResult();
    }
}
