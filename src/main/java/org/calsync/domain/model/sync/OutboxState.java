package org.calsync.domain.model.sync;

public enum OutboxState {
    PENDING, DONE,
    /** Gave up after the maximum number of attempts; shown to the admin, who can retry or discard it. */
    DEAD
}
