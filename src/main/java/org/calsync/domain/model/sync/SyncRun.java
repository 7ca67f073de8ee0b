package org.calsync.domain.model.sync;

import java.time.Instant;
import java.util.UUID;

import org.calsync.domain.model.tenant.TenantId;

/** One sync of one calendar: what came in, what went out, what failed, and why, in plain words. */
public class SyncRun {

    public enum Outcome {
        OK,
        /** Finished, but some items were skipped. */
        PARTIAL,
        /** The mass-deletion guard held the changes back. */
        HELD,
        /** The organisation's rules (integration off, this kind not allowed, the role's permission) stop syncing. */
        PAUSED,
        FAILED
    }

    private String id;
    private String tenantId;
    private String accountId;
    private String calendarId;
    private Instant startedAt;
    private Instant finishedAt;
    private int changesIn;
    private int changesOut;
    private int errors;
    private int requests;
    private Outcome outcome;
    private String message;

    protected SyncRun() {
        // for JPA
    }

    public SyncRun(TenantId tenantId, String accountId, String calendarId, Instant startedAt, int changesIn,
            int changesOut, int errors, int requests, Outcome outcome, String message) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.accountId = accountId;
        this.calendarId = calendarId;
        this.startedAt = startedAt;
        this.finishedAt = Instant.now();
        this.changesIn = changesIn;
        this.changesOut = changesOut;
        this.errors = errors;
        this.requests = requests;
        this.outcome = outcome;
        this.message = message == null ? null : message.substring(0, Math.min(message.length(), 2000));
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String calendarId() {
        return calendarId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int changesIn() {
        return changesIn;
    }

    public int changesOut() {
        return changesOut;
    }

    public int errors() {
        return errors;
    }

    public int requests() {
        return requests;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String message() {
        return message;
    }
}
