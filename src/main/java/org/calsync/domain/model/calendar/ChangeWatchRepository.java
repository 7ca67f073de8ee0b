package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;

public interface ChangeWatchRepository {

    void add(ChangeWatch watch);

    void remove(ChangeWatch watch);

    Optional<ChangeWatch> find(TenantId tenantId, String id);

    /** Records when the provider last called for this watch, whatever else changed it meanwhile. */
    void noteNotified(String id, Instant at);

    /** The watch a provider's call names, installation-wide: the call itself says nothing of the tenant. */
    Optional<ChangeWatch> findByRemoteId(CalendarProviderType provider, String remoteId);

    List<ChangeWatch> listForTenant(TenantId tenantId);

    List<ChangeWatch> listForAccount(TenantId tenantId, String accountId);
}
