package org.calsync.interfaces.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.pull.CalendarPull.TenantCalendarRef;
import org.calsync.application.pull.CalendarPull;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.sync.SyncMetrics;
import org.calsync.domain.model.sync.SyncRun;
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

    /** A notified pull the server refused for now is tried again this much later, doubling, this many times. */
    static final Duration FIRST_BUSY_RETRY = Duration.ofSeconds(30);
    static final int BUSY_RETRIES = 4;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private CalendarPull pull;

    /** Calendars whose notified pull the server refused, and how many times in a row. */
    private final Map<TenantCalendarRef, Integer> busyRetries = new ConcurrentHashMap<>();

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

    /**
     * The server is throttling (a pause longer than the pull waits out) or failing for now: the notified change would
     * otherwise wait for the hourly pull. The pull is asked again after 30 s, then 1, 2 and 4 minutes; while the
     * server's pause lasts, each try ends at once without calling it, and the first after the pause reads the change.
     */
    private void retryLater(TenantCalendarRef calendar, CalendarProviderType provider) {
        int tries = busyRetries.merge(calendar, 1, Integer::sum);
        if (tries > BUSY_RETRIES) {
            busyRetries.remove(calendar);
            LOG.warning(() -> "tenant=" + calendar.tenantId() + " account=" + calendar.accountId()
                    + " notified pull still refused after " + BUSY_RETRIES + " tries; the hourly pull reads it");
            return;
        }
        try {
            scheduler.schedule(() -> pullSoon(calendar, provider), FIRST_BUSY_RETRY.toSeconds() << (tries - 1),
                    TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "No thread to try a notified pull again; the hourly pull reads it", e);
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
                SyncRun run = pull.pullToNow(calendar);
                if (run.outcome() == SyncRun.Outcome.FAILED && run.failureKind() == FailureKind.BUSY) {
                    retryLater(calendar, read.provider());
                } else {
                    busyRetries.remove(calendar);
                    metrics.notified(read.provider(), Duration.between(read.oldestUnread(), Instant.now()));
                }
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
