package org.calsync.domain.model.tenant;

import java.util.Objects;

/** The id of a tenant. Every repository call takes one, so no query can forget its tenant. */
public record TenantId(String value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    @Override
    public String toString() {
        return value;
    }
}
