package org.calsync.application;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.UnknownEntityException;

/** Reads and changes a tenant's integration settings. */
@ApplicationScoped
@Transactional
public class TenantSettingsService {

    private static final Logger LOG = Logger.getLogger(TenantSettingsService.class.getName());

    @Inject
    private TenantRepository tenants;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Tenant tenant(TenantId id) {
        return tenants.find(id).orElseThrow(() -> new UnknownEntityException("tenant", id.value()));
    }

    public Tenant changeSettings(TenantId id, IntegrationSettings settings) {
        Tenant tenant = tenant(id);
        tenant.changeSettings(settings);
        LOG.info(() -> "tenant=" + id + " changed integration settings");
        return tenant;
    }
}
