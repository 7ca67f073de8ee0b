package org.calsync.domain.model.calendar;

/**
 * Where an incremental read continues: a CalDAV sync-token or ctag, an EWS SyncState, a Graph delta link
 * or a Google sync token. Opaque to everything but the adapter that made it.
 */
public record SyncCursor(String value) {

    public static final SyncCursor NONE = new SyncCursor(null);

    public boolean isNone() {
        return value == null;
    }
}
