package org.calsync.domain.model.tenant;

import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.shared.Tokens;
import org.calsync.domain.shared.Validation;

/**
 * A key the host training platform uses to call the REST API for one tenant. Only a SHA-256 hash is
 * stored: the key is 256 random bits, so a fast hash is enough and a lookup by hash stays cheap.
 */
public class ApiKey {

    private static final String PREFIX = "csk_";

    private String id;
    private String tenantId;
    private String name;
    private String keyPrefix;
    private String keyHash;
    private Instant createdAt;
    private Instant revokedAt;

    protected ApiKey() {
        // for JPA
    }

    private ApiKey(TenantId tenantId, String name, String secret) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.name = name;
        this.keyPrefix = secret.substring(0, 10);
        this.keyHash = hash(secret);
        this.createdAt = Instant.now();
    }

    /** A new random key; the secret is in the result and nowhere else. */
    public static Issued issue(TenantId tenantId, String name) {
        return issueWithSecret(tenantId, name, PREFIX + Tokens.random256());
    }

    /** A key with a chosen secret, for demo data whose key is printed in the README. */
    public static Issued issueWithSecret(TenantId tenantId, String name, String secret) {
        Validation validation = new Validation();
        String cleanName = validation.required("name", name, 100, "label.keyName");
        validation.check(secret != null && secret.length() >= 20, "secret", "apiKey.tooShort", 20);
        validation.throwIfInvalid();
        return new Issued(new ApiKey(tenantId, cleanName, secret), secret);
    }

    public static String hash(String secret) {
        return Tokens.sha256Hex(secret);
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    public boolean isActive() {
        return revokedAt == null;
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

    /** The first characters of the key, shown so an admin can tell keys apart. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    /** A freshly issued key together with its secret, which is shown once and never stored. */
    public record Issued(ApiKey key, String secret) {
    }
}
