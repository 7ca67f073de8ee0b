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
import org.calsync.application.pull.RefusedPulls;
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
 * <p>
 * Pulls the server refused for now, whoever made them (a notification, <em>Sync now</em>, the hourly job), come
 * back here once the wait is over.
 */
@ApplicationScoped
public class NotifiedPulls implements RefusedPulls {

    private static final Logger LOG = Logger.getLogger(NotifiedPulls.class.getName());

    /**
     * A pull refused for now, when the server did not say for how long, is tried again this much later, doubling;
     * a calendar is tried again this many times in a row, then left to the hourly pull.
     */
    static final Duration FIRST_BUSY_RETRY = Duration.ofSeconds(30);
    static final int BUSY_RETRIES = 4;
    /** Past the end of the server's pause, so that the retry finds it over on every instance's clock. */
    static final Duration AFTER_THE_PAUSE = Duration.ofSeconds(1);
    /** Refusals further apart than this start counting again. */
    static final Duration RETRIES_FORGOTTEN_AFTER = Duration.ofMinutes(15);

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private CalendarPull pull;

    /** Calendars whose pull the server refused, how many times in a row, and when last. */
    private final Map<TenantCalendarRef, Refusals> busyRetries = new ConcurrentHashMap<>();

    private record Refusals(int count, Instant last) {
        Refusals next(Instant now) {
            return Duration.between(last, now).compareTo(RETRIES_FORGOTTEN_AFTER) > 0 ? new Refusals(1, now)
                    : new Refusals(count + 1, now);
        }
    }

    @Inject
    private SyncMetrics metrics;

    /**
     * The calls a calendar being pulled has had: from which kind of calendar (null for a retry, which is not a
     * notification), and when the oldest call that no running pull has yet read came in (null when none has: the
     * running pull reads them all).
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
                    running.put(calendar, new Calls(provider != null ? provider : calls.provider(), now));
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
     * The server asked CalSync to wait longer than a pull waits out, or another pull held the owner's calendars too
     * long: the change would otherwise wait for the hourly pull. The pull is made again just after the pause the server
     * asked for, or, when it did not say, after 30 s, then 1, 2 and 4 minutes; a try made while a pause lasts ends at
     * once without calling the server.
     */
    @Override
    public void retryLater(TenantCalendarRef calendar, Duration wait) {
        int tries = busyRetries.merge(calendar, new Refusals(1, Instant.now()),
                (before, now) -> before.next(now.last())).count();
        if (tries > BUSY_RETRIES) {
            busyRetries.remove(calendar);
            LOG.warning(() -> "tenant=" + calendar.tenantId() + " account=" + calendar.accountId()
                    + " pull still refused after " + BUSY_RETRIES + " tries; the hourly pull reads it");
            return;
        }
        Duration delay = wait != null ? wait.plus(AFTER_THE_PAUSE) : FIRST_BUSY_RETRY.multipliedBy(1L << (tries - 1));
        try {
            scheduler.schedule(() -> pullSoon(calendar, null), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "No thread to try a refused pull again; the hourly pull reads it", e);
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
                // A refused pull has been handed back to retryLater by the pull itself.
                if (run.outcome() != SyncRun.Outcome.FAILED || run.failureKind() != FailureKind.BUSY) {
                    busyRetries.remove(calendar);
                    if (read.provider() != null) {
                        metrics.notified(read.provider(), Duration.between(read.oldestUnread(), Instant.now()));
                    }
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
