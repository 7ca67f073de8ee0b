package org.calsync.domain.model.tenant;

import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    /** Resolves the tenant of a presented key; the only lookup that starts without a tenant. */
    Optional<ApiKey> findActiveByHash(String keyHash);

    Optional<ApiKey> find(TenantId tenantId, String id);

    List<ApiKey> list(TenantId tenantId);

    void add(ApiKey key);
}
