package org.calsync.domain.model.sync;

/** Where an outbox entry brings a session to a person: their linked calendars, or their mailbox as an invitation. */
public enum OutboxChannel {
    /** Every push-target calendar of the person's linked accounts. */
    CALENDARS,
    /** An iMIP email (an .ics invitation, update or cancellation) to the person's address. */
    EMAIL
}
