package org.calsync.domain.model.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;

/**
 * CalSync's record of a watch on one calendar: the provider's {@link WatchGrant}, the secret every call
 * must carry (encrypted at rest), when it expires and what went wrong last. A calendar has at most one.
 */
public class ChangeWatch {

    private String id;
    private String tenantId;
    private String accountId;
    private String calendarId;
    private CalendarProviderType provider;
    private String remoteId;
    private String resourceId;
    private String secretCipher;
    private Instant expiresAt;
    private Instant createdAt;
    private Instant lastNotifiedAt;
    private String problem;
    private long version;

    protected ChangeWatch() {
        // for JPA
    }

    public ChangeWatch(TenantId tenantId, String accountId, String calendarId, CalendarProviderType provider,
            String secretCipher, WatchGrant grant, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.accountId = accountId;
        this.calendarId = calendarId;
        this.provider = provider;
        this.secretCipher = secretCipher;
        this.createdAt = now;
        renewed(grant);
    }

    /** The provider extended the watch, perhaps under a new id (Google opens a new channel). */
    public void renewed(WatchGrant grant) {
        this.remoteId = grant.remoteId();
        this.resourceId = grant.resourceId();
        this.expiresAt = grant.expiresAt();
        this.problem = null;
    }

    /**
     * Whether to renew now: once less than {@code margin} is left, so that a renewal that fails has time to
     * be tried again before the provider stops calling.
     */
    public boolean renewalDue(Instant now, Duration margin) {
        return !now.plus(margin).isBefore(expiresAt);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Renewing failed; the watch lives on until it expires, and the next upkeep tries again. */
    public void renewalFailed(String reason) {
        this.problem = reason;
    }

    public WatchGrant grant() {
        return new WatchGrant(remoteId, resourceId, expiresAt);
    }

    public String id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String accountId() {
        return accountId;
    }

    public String calendarId() {
        return calendarId;
    }

    public CalendarProviderType provider() {
        return provider;
    }

    public String secretCipher() {
        return secretCipher;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastNotifiedAt() {
        return lastNotifiedAt;
    }

    public String problem() {
        return problem;
    }
}
