package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.util.UUID;

/** One calendar inside a linked account: maybe where sessions go, maybe checked for conflicts. */
public class ExternalCalendar {

    private String id;
    private CalendarAccount account;
    private String remoteId;
    private String displayName;
    private boolean writable;
    private boolean pushTarget;
    private boolean conflictCheck;
    private String syncCursor;
    private Instant lastSyncedAt;

    protected ExternalCalendar() {
        // for JPA
    }

    ExternalCalendar(CalendarAccount account, RemoteCalendar remote) {
        this.id = UUID.randomUUID().toString();
        this.account = account;
        this.remoteId = remote.id();
        this.displayName = remote.displayName() == null || remote.displayName().isBlank() ? "Calendar" : remote.displayName();
        this.writable = remote.writable();
        this.conflictCheck = true;
    }

    void choose(boolean asTarget, boolean checkForConflicts) {
        this.pushTarget = asTarget;
        this.conflictCheck = checkForConflicts;
    }

    public void advanceCursor(SyncCursor cursor, Instant at) {
        this.syncCursor = cursor.value();
        this.lastSyncedAt = at;
    }

    public SyncCursor cursor() {
        return syncCursor == null ? SyncCursor.NONE : new SyncCursor(syncCursor);
    }

    public String id() {
        return id;
    }

    public CalendarAccount account() {
        return account;
    }

    public String remoteId() {
        return remoteId;
    }

    public String displayName() {
        return displayName;
    }

    public boolean writable() {
        return writable;
    }

    public boolean pushTarget() {
        return pushTarget;
    }

    public boolean conflictCheck() {
        return conflictCheck;
    }

    public Instant lastSyncedAt() {
        return lastSyncedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExternalCalendar calendar && id.equals(calendar.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
