package org.calsync.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;

/** Tenants in a list, answering as the JPA repository does, for application tests without a database. */
public final class InMemoryTenants implements TenantRepository {

    private final List<Tenant> tenants = new ArrayList<>();

    @Override
    public Optional<Tenant> find(TenantId id) {
        return tenants.stream().filter(tenant -> tenant.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Tenant> findByName(String name) {
        return tenants.stream().filter(tenant -> tenant.name().equals(name)).findFirst();
    }

    @Override
    public List<Tenant> all() {
        return List.copyOf(tenants);
    }

    @Override
    public void add(Tenant tenant) {
        tenants.add(tenant);
    }
}
