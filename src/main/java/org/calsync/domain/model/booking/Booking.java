package org.calsync.domain.model.booking;

import java.time.Instant;

import org.calsync.domain.model.tenant.TenantId;

/**
 * A learner's booking of a kind with its instructor. It is the one-to-one session it became (same id): the session
 * carries its time, its people and whether it still stands, and is pushed to both calendars like any other.
 */
public class Booking {

    private String sessionId;
    private String tenantId;
    private String kindId;
    private String instructorId;
    private String learnerId;
    private Instant start;
    private Instant bookedAt;

    protected Booking() {
        // for JPA
    }

    public Booking(TenantId tenantId, String sessionId, BookableKind kind, String learnerId, Instant start,
            Instant bookedAt) {
        this.tenantId = tenantId.value();
        this.sessionId = sessionId;
        this.kindId = kind.id();
        this.instructorId = kind.instructorId();
        this.learnerId = learnerId;
        this.start = start;
        this.bookedAt = bookedAt;
    }

    /** The booking now starts then (it was moved). */
    public void movedTo(Instant newStart) {
        this.start = newStart;
    }

    public String sessionId() {
        return sessionId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String kindId() {
        return kindId;
    }

    public String instructorId() {
        return instructorId;
    }

    public String learnerId() {
        return learnerId;
    }

    public Instant start() {
        return start;
    }

    public Instant bookedAt() {
        return bookedAt;
    }
}
