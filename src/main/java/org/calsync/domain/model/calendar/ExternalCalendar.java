package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.calsync.domain.model.sync.SyncNote;

/** One calendar inside a linked account: maybe where sessions go, maybe checked for conflicts. */
public class ExternalCalendar {

    private String id;
    private CalendarAccount account;
    private String remoteId;
    private String displayName;
    private boolean writable;
    private boolean pushTarget;
    private boolean conflictCheck;
    /** Someone chose it for a session of its own: it holds CalSync's events besides the push target's. */
    private boolean holdsChosenSessions;
    private String syncCursor;
    private Instant lastSyncedAt;
    /** Why the mass-deletion guard holds this calendar; null when it is not held. */
    private SyncNote hold;
    private boolean holdReleased;

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

    void forgetCursor() {
        this.syncCursor = null;
    }

    /** The mass-deletion guard stopped a pull; it stays held until an admin releases it. */
    public void hold(SyncNote why) {
        this.hold = why;
    }

    /** An admin checked the calendar: the next pull applies what it finds, however much it removes. */
    public void release() {
        this.hold = null;
        this.holdReleased = true;
    }

    /** Whether the mass-deletion guard may stop this pull; a release counts for one pull only. */
    public boolean guardApplies() {
        boolean applies = !holdReleased;
        holdReleased = false;
        return applies;
    }

    /** Why the calendar is held, when it is. */
    public Optional<SyncNote> hold() {
        return Optional.ofNullable(hold);
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

    /**
     * Whether CalSync reads it back: the calendars it writes to (the push target, and any chosen for single
     * sessions, so that the two-way rules see their events), and those checked for clashes.
     */
    public boolean pulled() {
        return pushTarget || conflictCheck || holdsChosenSessions;
    }

    /** A session goes here instead of the account's push target: from now on it is read back too. */
    public void receiveChosenSessions() {
        this.holdsChosenSessions = true;
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
