package org.calsync.domain.model.person;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Validation;

/** A named set of permissions inside one tenant. */
public class Role {

    private String id;
    private String tenantId;
    private String name;
    private Set<Permission> permissions;
    private long version;

    protected Role() {
        // for JPA
    }

    public Role(TenantId tenantId, String name, Set<Permission> permissions) {
        Validation validation = new Validation();
        this.name = validation.required("name", name, 100, "label.roleName");
        validation.throwIfInvalid();
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.permissions = copy(permissions);
    }

    public void changePermissions(Set<Permission> newPermissions) {
        permissions.clear();
        permissions.addAll(copy(newPermissions));
    }

    private static Set<Permission> copy(Set<Permission> permissions) {
        return permissions == null || permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    public String id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String name() {
        return name;
    }

    public Set<Permission> permissions() {
        return Collections.unmodifiableSet(permissions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Role role && id.equals(role.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
