package org.calsync.domain.model.sync;

import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.tenant.TenantId;

/** Something a sync could not decide alone, such as an instructor deleting a session from their calendar. */
public class AdminAlert {

    private String id;
    private String tenantId;
    private String sessionId;
    private String personId;
    private String message;
    private Instant createdAt;
    private Instant resolvedAt;

    protected AdminAlert() {
        // for JPA
    }

    public AdminAlert(TenantId tenantId, String sessionId, String personId, String message) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.sessionId = sessionId;
        this.personId = personId;
        this.message = message.substring(0, Math.min(message.length(), 2000));
        this.createdAt = Instant.now();
    }

    public void resolve() {
        if (resolvedAt == null) {
            resolvedAt = Instant.now();
        }
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String personId() {
        return personId;
    }

    public String message() {
        return message;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }
}
