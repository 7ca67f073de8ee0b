package org.calsync.domain.model.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.tenant.TenantId;

/**
 * "Bring the calendars of this person in line with this session." Written in the same transaction as the
 * change that causes it, so no change is lost; carried out after commit, retried with back-off.
 */
public class OutboxEntry {

    /** With the back-off below, about eleven hours of retries: an outage over a working day heals by itself. */
    public static final int MAX_ATTEMPTS = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    static final Duration LONGEST_DELAY = Duration.ofHours(1);

    private String id;
    private String tenantId;
    private String sessionId;
    private String personId;
    private OutboxChannel channel;
    private OutboxState state;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private FailureKind lastFailureKind;
    /** The instance working the entry now, if any; its work is taken over when it leaves the cluster. */
    private String claimedBy;
    private Instant createdAt;
    private Instant updatedAt;
    private long version;

    protected OutboxEntry() {
        // for JPA
    }

    /** Brings the person's linked calendars in line with the session, at once. */
    public OutboxEntry(TenantId tenantId, String sessionId, String personId) {
        this(tenantId, sessionId, personId, OutboxChannel.CALENDARS, Instant.now());
    }

    private OutboxEntry(TenantId tenantId, String sessionId, String personId, OutboxChannel channel, Instant dueAt) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.sessionId = sessionId;
        this.personId = personId;
        this.channel = channel;
        this.state = OutboxState.PENDING;
        this.createdAt = Instant.now();
        this.nextAttemptAt = dueAt;
        this.updatedAt = createdAt;
    }

    /**
     * Emails the person the session as it will be once the quiet period is over, so that an admin's burst of edits
     * makes one email with the final state.
     */
    public static OutboxEntry email(TenantId tenantId, String sessionId, String personId, Instant dueAt) {
        return new OutboxEntry(tenantId, sessionId, personId, OutboxChannel.EMAIL, dueAt);
    }

    public void succeeded() {
        state = OutboxState.DONE;
        claimedBy = null;
        lastError = null;
        lastFailureKind = null;
        updatedAt = Instant.now();
    }

    /**
     * Schedules the next attempt: after the delay the provider asked for, or with exponential back-off
     * (5 s, 10 s, 20 s ... at most an hour). After {@link #MAX_ATTEMPTS} the entry is dead.
     */
    public void failed(FailureKind kind, String error, Duration requestedDelay, Instant now) {
        attempts++;
        claimedBy = null;
        lastFailureKind = kind;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        updatedAt = now;
        if (attempts >= MAX_ATTEMPTS) {
            state = OutboxState.DEAD;
            return;
        }
        Duration backOff = FIRST_DELAY.multipliedBy(1L << Math.min(attempts - 1, 20));
        Duration delay = requestedDelay != null ? requestedDelay : backOff;
        nextAttemptAt = now.plus(delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay);
    }

    /** What it waited for (a reconnect, say) has happened: try at once. Attempts so far still count. */
    public void dueNow() {
        if (state == OutboxState.PENDING) {
            nextAttemptAt = Instant.now();
            updatedAt = nextAttemptAt;
        }
    }

    /** An admin asks for another try of a dead entry. */
    public void retryNow() {
        state = OutboxState.PENDING;
        claimedBy = null;
        attempts = 0;
        nextAttemptAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public String sessionId() {
        return sessionId;
    }

    public String personId() {
        return personId;
    }

    public OutboxChannel channel() {
        return channel == null ? OutboxChannel.CALENDARS : channel;
    }

    public OutboxState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    /** When the entry last changed: planned, attempted, pushed or given up. */
    /** When the first change this entry still has to deliver was made. */
    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    /** What kind of failure the last attempt met; null when none did. */
    public FailureKind lastFailureKind() {
        return lastFailureKind;
    }
}
