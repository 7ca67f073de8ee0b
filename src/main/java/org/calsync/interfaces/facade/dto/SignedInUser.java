package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.Set;

/** Who is signed in, with the tenant every action of theirs is scoped to. */
public record SignedInUser(String personId, String tenantId, String tenantName, String displayName, String email,
        String timeZone, Set<String> permissions) implements Serializable {

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}
