package org.calsync.domain.model.calendar;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.calsync.domain.model.tenant.TenantId;

/**
 * The stable UID of the event CalSync writes for one person and one session. Derived, never stored
 * alone, so a retry after a crash computes the same UID and finds the event it may already have written.
 */
public final class EventIdentity {

    public static final String DOMAIN = "calsync";

    private EventIdentity() {
    }

    public static String uid(TenantId tenant, String sessionId, String personId) {
        String key = tenant.value() + "/" + sessionId + "/" + personId;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)) + "@" + DOMAIN;
    }

    public static boolean isOurs(String uid) {
        return uid != null && uid.endsWith("@" + DOMAIN);
    }
}
