package org.calsync.domain.model.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.ConflictException;

/** Something a sync could not decide alone, such as an instructor deleting a session from their calendar. */
public class AdminAlert {

    /** What the alert is about, and so which decisions it offers. */
    public enum Kind {
        /** From before alerts had kinds: read, then marked done. */
        NOTICE,
        /** An instructor deleted a session they still teach from their calendar; it was written back. */
        INSTRUCTOR_DELETED,
        /** A learner deleted a session after the cancellation deadline; it was written back until an admin decides. */
        LEARNER_CANCELLED_LATE,
        /** The mass-deletion guard holds a calendar's changes until an admin releases it. */
        CALENDAR_HELD,
        /** An instructor declined the invitation to a session they still teach. */
        INSTRUCTOR_DECLINED,
        /** A learner declined after the cancellation deadline; they stay registered until an admin decides. */
        LEARNER_DECLINED_LATE;

        /** Whether an admin approves or refuses it, rather than marking it done. */
        public boolean asksApproval() {
            return this == LEARNER_CANCELLED_LATE || this == LEARNER_DECLINED_LATE;
        }
    }

    /** How an admin settled it. */
    public enum Decision {
        DONE,
        /** The learner's cancellation stands: unregistered, their event removed. */
        APPROVED,
        /** The learner stays registered and is told so. */
        REFUSED,
        /** The held calendar's changes were let through. */
        RELEASED
    }

    private String id;
    private String tenantId;
    private Kind kind;
    private String sessionId;
    private String personId;
    private String accountId;
    private String calendarId;
    private SyncNote note;
    private Instant createdAt;
    private Instant resolvedAt;
    private Decision decision;

    protected AdminAlert() {
        // for JPA
    }

    private AdminAlert(TenantId tenantId, Kind kind, String sessionId, String personId, String accountId,
            String calendarId, SyncNote note) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId.value();
        this.kind = kind;
        this.sessionId = sessionId;
        this.personId = personId;
        this.accountId = accountId;
        this.calendarId = calendarId;
        this.note = Objects.requireNonNull(note);
        this.createdAt = Instant.now();
    }

    /** A person's change to a session's event in one of their calendars, which the sync did not apply alone. */
    public static AdminAlert aboutSession(TenantId tenantId, Kind kind, String sessionId, String personId,
            ExternalCalendar calendar, SyncNote note) {
        return new AdminAlert(tenantId, kind, sessionId, personId, calendar.account().id(), calendar.id(), note);
    }

    /** A person's answer to a session's invitation, which the organisation's rules leave to an admin. */
    public static AdminAlert aboutResponse(TenantId tenantId, Kind kind, String sessionId, String personId,
            SyncNote note) {
        return new AdminAlert(tenantId, kind, sessionId, personId, null, null, note);
    }

    /** A calendar the mass-deletion guard holds. */
    public static AdminAlert calendarHeld(TenantId tenantId, ExternalCalendar calendar, SyncNote note) {
        return new AdminAlert(tenantId, Kind.CALENDAR_HELD, null, calendar.account().personId(), calendar.account().id(),
                calendar.id(), note);
    }

    /** Settles the alert once; a second decision on a settled alert is refused. */
    public void resolve(Decision how) {
        if (resolvedAt != null) {
            throw new ConflictException("alert", "alert.alreadyDecided");
        }
        boolean fits = kind.asksApproval() ? how == Decision.APPROVED || how == Decision.REFUSED
                : kind == Kind.CALENDAR_HELD ? how == Decision.RELEASED : how == Decision.DONE;
        if (!fits) {
            throw new ConflictException("alert", "alert.decisionDoesNotFit");
        }
        resolvedAt = Instant.now();
        decision = how;
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    public Kind kind() {
        return kind;
    }

    public String accountId() {
        return accountId;
    }

    public String calendarId() {
        return calendarId;
    }

    public Decision decision() {
        return decision;
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

    /** What happened and what the admin is asked, read in the admin's language. */
    public SyncNote note() {
        return note;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }
}
