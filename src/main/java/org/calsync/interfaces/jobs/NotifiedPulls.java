package org.calsync.interfaces.jobs;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.pull.CalendarPull.TenantCalendarRef;
import org.calsync.application.pull.CalendarPull;

/**
 * Pulls a calendar on a managed thread as soon as its provider calls, never on the request thread: the
 * provider wants its answer within seconds. Calls come in bursts (one per changed event); a calendar has at
 * most one pull running and one more waiting, which reads whatever the burst changed.
 */
@ApplicationScoped
public class NotifiedPulls {

    private static final Logger LOG = Logger.getLogger(NotifiedPulls.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Inject
    private CalendarPull pull;

    /** Calendars being pulled; true when another call came in meanwhile and they must be pulled once more. */
    private final Map<TenantCalendarRef, Boolean> running = new HashMap<>();

    public void pullSoon(TenantCalendarRef calendar) {
        synchronized (running) {
            if (running.containsKey(calendar)) {
                running.put(calendar, true);
                return;
            }
            running.put(calendar, false);
        }
        try {
            executor.execute(() -> pullWhileCalled(calendar));
        } catch (RejectedExecutionException e) {
            synchronized (running) {
                running.remove(calendar);
            }
            LOG.log(Level.WARNING, "No thread to pull a notified calendar; the hourly pull reads it", e);
        }
    }

    private void pullWhileCalled(TenantCalendarRef calendar) {
        while (true) {
            try {
                pull.pullToNow(calendar);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "tenant=" + calendar.tenantId() + " account=" + calendar.accountId()
                        + " notified pull failed; the hourly pull reads it", e);
            }
            synchronized (running) {
                if (!running.get(calendar)) {
                    running.remove(calendar);
                    return;
                }
                running.put(calendar, false);
            }
        }
    }
}
