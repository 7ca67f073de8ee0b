package org.calsync.domain.model.calendar;

import java.util.Objects;

/**
 * One write of an event to one calendar, with what CalSync knows of the copy already there.
 *
 * @param event            what the calendar should show
 * @param expectedVersion  the version CalSync last wrote; null for a first write, or to write over an edit
 * @param remoteId         where CalSync last wrote it; null for a first write
 * @param invitationMailed the person was emailed an invitation to it, so their calendar may hold the copy their
 *                         mail client or server made of it, under the same UID; a first write takes that copy
 *                         over instead of adding a second event
 */
public record PendingWrite(OutgoingEvent event, String expectedVersion, String remoteId, boolean invitationMailed) {

    public PendingWrite {
        Objects.requireNonNull(event, "event");
    }

    /** A write with no copy known anywhere but CalSync's own, last written at {@code expectedVersion}. */
    public PendingWrite(OutgoingEvent event, String expectedVersion) {
        this(event, expectedVersion, null, false);
    }

    /** The same write, made over whatever edit the calendar holds. */
    public PendingWrite overEdits() {
        return new PendingWrite(event, null, remoteId, invitationMailed);
    }

    /** The first write of a copy the calendar may hold from an emailed invitation, found by its UID. */
    public boolean mayAdoptInvitation() {
        return invitationMailed && remoteId == null && expectedVersion == null;
    }
}
