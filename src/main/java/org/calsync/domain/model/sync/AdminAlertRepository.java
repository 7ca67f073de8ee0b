package org.calsync.domain.model.sync;

import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.tenant.TenantId;

public interface AdminAlertRepository {

    void add(AdminAlert alert);

    Optional<AdminAlert> find(TenantId tenantId, String id);

    /** Unresolved alerts, newest first. */
    List<AdminAlert> open(TenantId tenantId);
}
