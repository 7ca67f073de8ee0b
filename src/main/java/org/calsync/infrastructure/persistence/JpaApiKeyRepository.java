package org.calsync.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.calsync.domain.model.tenant.ApiKey;
import org.calsync.domain.model.tenant.ApiKeyRepository;
import org.calsync.domain.model.tenant.TenantId;

@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

    @PersistenceContext(unitName = "calsync")
    private EntityManager em;

    @Override
    public Optional<ApiKey> findActiveByHash(String keyHash) {
        return em.createNamedQuery("ApiKey.findActiveByHash", ApiKey.class).setParameter("hash", keyHash)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<ApiKey> find(TenantId tenantId, String id) {
        return em.createNamedQuery("ApiKey.find", ApiKey.class)
                .setParameter("tenant", tenantId.value()).setParameter("id", id)
                .getResultStream().findFirst();
    }

    @Override
    public List<ApiKey> list(TenantId tenantId) {
        return em.createNamedQuery("ApiKey.list", ApiKey.class).setParameter("tenant", tenantId.value()).getResultList();
    }

    @Override
    public void add(ApiKey key) {
        em.persist(key);
    }
}
