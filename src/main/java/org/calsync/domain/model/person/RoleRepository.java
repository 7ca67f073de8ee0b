package org.calsync.domain.model.person;

import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.tenant.TenantId;

public interface RoleRepository {

    Optional<Role> find(TenantId tenantId, String id);

    Optional<Role> findByName(TenantId tenantId, String name);

    List<Role> list(TenantId tenantId);

    void add(Role role);
}
