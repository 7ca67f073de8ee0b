package org.calsync.domain.model.tenant;

import java.util.Optional;

public interface ExchangeSettingsRepository {

    Optional<ExchangeSettings> find(TenantId tenantId);

    void add(ExchangeSettings settings);
}
