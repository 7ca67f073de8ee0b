package org.calsync.domain.model.person;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Tokens;

/**
 * An email inviting a person to connect their calendar. The link carries a random token; only its hash is
 * kept, so a stolen database holds no usable link. An invitation works once, until it expires, and only
 * while it is the person's newest one.
 */
public class Invitation {

    /** How long a link works unless the installation says otherwise. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);

    public enum State {
        PENDING, ACCEPTED, EXPIRED, REPLACED
    }

    private String id;
    private String tenantId;
    private String personId;
    private String tokenHash;
    private String invitedBy;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant acceptedAt;
    private Instant replacedAt;
    private long version;

    protected Invitation() {
        // for JPA
    }

    private Invitation(TenantId tenantId, String personId, String tokenHash, String invitedBy, Instant now,
            Duration validity) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.personId = Objects.requireNonNull(personId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.invitedBy = Objects.requireNonNull(invitedBy);
        this.createdAt = now;
        this.expiresAt = now.plus(validity);
    }

    /** A new invitation with a random link token; the token is in the result and nowhere else. */
    public static Issued issue(TenantId tenantId, String personId, String invitedBy, Instant now, Duration validity) {
        String token = Tokens.random256();
        return new Issued(new Invitation(tenantId, personId, hashOf(token), invitedBy, now, validity), token);
    }

    /** What is stored of a link's token, to find its invitation by. */
    public static String hashOf(String token) {
        return Tokens.sha256Hex(token);
    }

    public State state(Instant now) {
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        if (replacedAt != null) {
            return State.REPLACED;
        }
        return now.isBefore(expiresAt) ? State.PENDING : State.EXPIRED;
    }

    /** A newer invitation was sent: this link stops working. */
    public void replace(Instant now) {
        if (state(now) == State.PENDING) {
            replacedAt = now;
        }
    }

    /** Uses the link up. Only a pending invitation can be accepted. */
    public void accept(Instant now) {
        if (state(now) != State.PENDING) {
            throw new IllegalStateException("Invitation " + id + " is " + state(now));
        }
        acceptedAt = now;
    }

    public String id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String personId() {
        return personId;
    }

    public String invitedBy() {
        return invitedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Invitation that && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    /** A new invitation and its link's token. */
    public record Issued(Invitation invitation, String token) {
    }
}
