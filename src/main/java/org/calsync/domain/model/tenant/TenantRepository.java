package org.calsync.domain.model.tenant;

import java.util.List;
import java.util.Optional;

public interface TenantRepository {

    Optional<Tenant> find(TenantId id);

    Optional<Tenant> findByName(String name);

    /** Installation-wide; used only by start-up tasks, never on behalf of a tenant's user. */
    List<Tenant> all();

    void add(Tenant tenant);
}
