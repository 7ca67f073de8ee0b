package org.calsync.application.people;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.tenant.ApiKey;
import org.calsync.domain.model.tenant.ApiKeyRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.UnknownEntityException;

/** Issues, lists, revokes and checks the API keys of a tenant's host platform. */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class.getName());

    @Inject
    private ApiKeyRepository keys;

    public ApiKey.Issued issue(TenantId tenant, String name) {
        ApiKey.Issued issued = ApiKey.issue(tenant, name);
        keys.add(issued.key());
        LOG.info(() -> "tenant=" + tenant + " issued API key " + issued.key().keyPrefix() + "...");
        return issued;
    }

    public void revoke(TenantId tenant, String keyId) {
        ApiKey key = keys.find(tenant, keyId).orElseThrow(() -> new UnknownEntityException("API key", keyId));
        key.revoke();
        LOG.info(() -> "tenant=" + tenant + " revoked API key " + key.keyPrefix() + "...");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKey> list(TenantId tenant) {
        return keys.list(tenant);
    }

    /** The tenant a presented secret belongs to, if it is a valid, unrevoked key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TenantId> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return keys.findActiveByHash(ApiKey.hash(secret.strip())).map(ApiKey::tenantId);
    }
}
