package org.calsync.domain.model.sync;

import java.util.List;

/**
 * The instances sharing the database. Each says it is alive every few seconds; one that stops saying so has
 * left, and a survivor takes over what it held.
 */
public interface ClusterMembership {

    /** This instance's id, the holder name of its claims and leases. */
    String self();

    /** Says this instance is alive and keeps the leases it holds; rejoins under a new id if it was given up for dead. */
    void heartbeat();

    /**
     * The instances that have left (no heartbeat for a while) and that this instance now takes over. Each one
     * is handed to exactly one survivor.
     */
    List<String> takeOverDeparted();

    /** How many instances are alive, this one included. */
    int alive();
}
