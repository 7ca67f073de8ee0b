package org.calsync.infrastructure.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OAuthRegistration;
import org.calsync.domain.model.tenant.OAuthRegistrationRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaOAuthRegistrationRepository implements OAuthRegistrationRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<OAuthRegistration> find(TenantId tenantId, CalendarProviderType provider) {
        return Optional.ofNullable(em.find(OAuthRegistration.class, new OAuthRegistration.Key(tenantId.value(), provider)));
    }

    @Override
    public void add(OAuthRegistration registration) {
        em.persist(registration);
    }
}
