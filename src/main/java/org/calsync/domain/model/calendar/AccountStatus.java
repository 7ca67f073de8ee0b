package org.calsync.domain.model.calendar;

/** Whether a linked account works. */
public enum AccountStatus {
    CONNECTED,
    /** The credentials were refused: the person must reconnect; pushes wait until then. */
    NEEDS_RECONSENT,
    /** The last sync failed for another reason; it is retried. */
    ERROR,
    /** CalSync is deleting the events it wrote there; nothing new is written or read. */
    REMOVING
}
