package org.calsync.infrastructure.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.tenant.ExchangeSettings;
import org.calsync.domain.model.tenant.ExchangeSettingsRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaExchangeSettingsRepository implements ExchangeSettingsRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<ExchangeSettings> find(TenantId tenantId) {
        return Optional.ofNullable(em.find(ExchangeSettings.class, tenantId.value()));
    }

    @Override
    public void add(ExchangeSettings settings) {
        em.persist(settings);
    }
}
