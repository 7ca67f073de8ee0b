package org.calsync.interfaces.jobs;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Picks up push work that is due again (retries after back-off) or was left by a crash. Non-persistent:
 * each instance sweeps, and claims on the entries make sure each entry is worked once.
 */
@Startup
@Singleton
public class OutboxSweeper {

    @Inject
    private OutboxDispatcher dispatcher;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void sweep() {
        dispatcher.drainSoon();
    }
}
