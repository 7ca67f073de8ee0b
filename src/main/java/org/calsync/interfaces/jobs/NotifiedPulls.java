package org.calsync.interfaces.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
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
import org.calsync.domain.model.sync.SyncMetrics;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pulls a calendar on a managed thread as soon as its provider calls, never on the request thread: the
 * provider wants its answer within seconds. Calls come in bursts (one per changed event); a calendar has at
 * most one pull running and one more waiting, which reads whatever the burst changed. A few workers take the
 * calendars in turn, so that a burst of many calendars (a thousand mailboxes streamed at once, each read once)
 * waits in a queue rather than holding a thread each.
 */
@ApplicationScoped
public class NotifiedPulls {

    private static final Logger LOG = Logger.getLogger(NotifiedPulls.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Inject
    private CalendarPull pull;

    @Inject
    private SyncMetrics metrics;

    /**
     * The calls a calendar being pulled has had: from which kind of calendar, and when the oldest call that no
     * running pull has yet read came in (null when none has: the running pull reads them all).
     */
    private record Calls(CalendarProviderType provider, Instant oldestUnread) {
    }

    /** How many notified calendars are pulled at once on this instance, as the hourly pull reads ten at a time. */
    @Inject
    @ConfigProperty(name = "calsync.notified-pulls.parallel", defaultValue = "8")
    int parallel;

    /** Calendars being pulled or waiting for a worker, with the calls they had meanwhile. */
    private final Map<TenantCalendarRef, Calls> running = new HashMap<>();
    /** Calendars waiting for a worker, in the order they were called about. */
    private final Deque<TenantCalendarRef> waiting = new ArrayDeque<>();
    private int workers;

    public void pullSoon(TenantCalendarRef calendar, CalendarProviderType provider) {
        Instant now = Instant.now();
        synchronized (running) {
            Calls calls = running.get(calendar);
            if (calls != null) {
                if (calls.oldestUnread() == null) {
                    running.put(calendar, new Calls(provider, now));
                }
                return;
            }
            running.put(calendar, new Calls(provider, now));
            waiting.add(calendar);
            if (workers >= Math.max(1, parallel)) {
                return; // a worker takes it in turn
            }
            workers++;
        }
        try {
            executor.execute(this::pullWaiting);
        } catch (RejectedExecutionException e) {
            synchronized (running) {
                workers--;
                if (workers == 0) {
                    waiting.forEach(running::remove);
                    waiting.clear();
                }
            }
            LOG.log(Level.WARNING, "No thread to pull notified calendars; the hourly pull reads them", e);
        }
    }

    /** One worker: pulls the waiting calendars in turn until none is left. */
    private void pullWaiting() {
        while (true) {
            TenantCalendarRef next;
            synchronized (running) {
                next = waiting.poll();
                if (next == null) {
                    workers--;
                    return;
                }
            }
            pullWhileCalled(next);
        }
    }

    private void pullWhileCalled(TenantCalendarRef calendar) {
        while (true) {
            Calls read;
            synchronized (running) {
                read = running.get(calendar);
                running.put(calendar, new Calls(read.provider(), null));
            }
            try {
                pull.pullToNow(calendar);
                metrics.notified(read.provider(), Duration.between(read.oldestUnread(), Instant.now()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "tenant=" + calendar.tenantId() + " account=" + calendar.accountId()
                        + " notified pull failed; the hourly pull reads it", e);
            }
            synchronized (running) {
                if (running.get(calendar).oldestUnread() == null) {
                    running.remove(calendar);
                    return;
                }
            }
        }
    }
}
