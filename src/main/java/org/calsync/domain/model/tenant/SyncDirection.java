package org.calsync.domain.model.tenant;

/** Whether changes made in external calendars flow back into the platform. */
public enum SyncDirection {
    /** External deletes unregister and external moves reschedule, within the tenant's rules. */
    TWO_WAY,
    /** The platform is the only source; external edits to our events are overwritten on the next push. */
    ONE_WAY
}
