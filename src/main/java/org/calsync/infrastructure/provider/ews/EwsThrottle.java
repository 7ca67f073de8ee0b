package org.calsync.infrastructure.provider.ews;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.sync.ClusterMembership;
import org.calsync.domain.model.sync.ServerPauses;
import org.calsync.domain.model.sync.SyncMetrics;
import org.calsync.infrastructure.provider.rest.ThrottlePauses;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One budget per Exchange server for the whole cluster, shared by push, pull, free/busy and subscriptions:
 * <ul>
 * <li>a back-off Exchange asked for pauses every call to that server, on every instance, until it ends; a short
 * pause is waited out, so that the work resumes instead of failing, a long one is passed on as "retry later";</li>
 * <li>calls in flight to one server are capped for the cluster: each instance takes its share of
 * {@code calsync.ews.max-concurrent-requests}, as many instances as are alive dividing it.</li>
 * </ul>
 */
@ApplicationScoped
public class EwsThrottle {

    /** How long a call waits for one of the server's slots before it is retried later instead. */
    static final Duration SLOT_WAIT = Duration.ofSeconds(30);
    /** How long the number of instances alive is trusted before it is read again. */
    private static final Duration MEMBERSHIP_AGE = Duration.ofSeconds(10);

    /**
     * Calls in flight per Exchange server, for the whole cluster. Impersonated mailboxes share the server, and
     * Exchange's budgets (10 concurrent requests per user on 2010, 27 later) are charged to each mailbox, so the
     * default stays well inside them.
     */
    @Inject
    @ConfigProperty(name = "calsync.ews.max-concurrent-requests", defaultValue = "10")
    int maxConcurrentRequests = 10;

    /** A pause up to this long is waited out by the call; a longer one makes the work retry later. */
    @Inject
    @ConfigProperty(name = "calsync.ews.max-inline-pause", defaultValue = "PT10S")
    Duration maxInlinePause = Duration.ofSeconds(10);

    private ServerPauses pauses = new LocalPauses();
    private ClusterMembership membership;
    /** Told of the waits the pauses impose: the metrics, in the container. */
    private ThrottlePauses waits = ThrottlePauses.NONE;

    private final Map<String, Slots> slots = new ConcurrentHashMap<>();
    private volatile int alive = 1;
    private volatile Instant aliveReadAt = Instant.MIN;

    @Inject
    void shareWith(ServerPauses pauses, ClusterMembership membership, SyncMetrics metrics) {
        this.pauses = pauses;
        this.membership = membership;
        this.waits = wait -> metrics.throttled(ExchangeKind.TRAITS.type(), wait);
    }

    /** One of this instance's slots for a server; closing it gives the slot back. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits out the server's pause (a long one is "retry later", without calling), then takes one of this instance's
     * slots for it.
     */
    Slot enter(String server) {
        awaitPause(server);
        acquire(server);
        return () -> release(server);
    }

    /**
     * Records the pause a failure asked for, when it is ErrorServerBusy, for every call to the server on every
     * instance; returns its length, or null for any other failure.
     */
    Duration pausedBy(String server, Exception failure) {
        Duration backOff = EwsFailures.serverBusyBackOff(failure);
        if (backOff != null) {
            paused(server, backOff);
        }
        return backOff;
    }

    /** Waits out the server's pause, if it is short; a long one is "retry later", without calling. */
    private void awaitPause(String server) {
        for (Duration left = pauses.remaining(server); !left.isZero(); left = pauses.remaining(server)) {
            if (left.compareTo(maxInlinePause) > 0) {
                throw new ProviderUnavailableException(FailureKind.BUSY, "Exchange at " + server + " asked CalSync to"
                        + " wait; no call is made to it for another " + Math.max(1, left.toSeconds()) + " s, and the work is"
                        + " done by itself after that.", left, null);
            }
            waits.paused(left);
            try {
                Thread.sleep(left.toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException(FailureKind.OTHER, "Interrupted while Exchange was paused.", null, e);
            }
        }
    }

    /** Whether the server asked to wait and the pause has not ended: work that can be left out is. */
    boolean isPaused(String server) {
        return !pauses.remaining(server).isZero();
    }

    /** The server asked to wait: every call to it, here and on the other instances, waits until then. */
    void paused(String server, Duration backOff) {
        pauses.pause(server, backOff);
    }

    /** Whether a back-off this long is waited out and the call made again. */
    boolean waitsOut(Duration backOff) {
        return backOff != null && backOff.compareTo(maxInlinePause) <= 0;
    }

    /** The last pause the server asked for. */
    Optional<ServerPauses.Pause> lastPause(String server) {
        return pauses.last(server);
    }

    private void acquire(String server) {
        Slots serverSlots = slots.computeIfAbsent(server, key -> new Slots());
        if (!serverSlots.acquire(share(), SLOT_WAIT)) {
            throw new ProviderUnavailableException(FailureKind.BUSY, "All " + share() + " connections to Exchange at "
                    + server + " are busy.", Duration.ofSeconds(30), null);
        }
    }

    private void release(String server) {
        slots.get(server).release();
    }

    /** This instance's share of the cluster's calls to one server; at least one. */
    int share() {
        if (membership != null && Duration.between(aliveReadAt, Instant.now()).compareTo(MEMBERSHIP_AGE) > 0) {
            aliveReadAt = Instant.now();
            try {
                alive = Math.max(1, membership.alive());
            } catch (RuntimeException e) {
                // the database is away for a moment: the last count stands
            }
        }
        return Math.max(1, Math.max(1, maxConcurrentRequests) / alive);
    }

    /** Calls in flight to one server from here, below a limit that follows the cluster's size. */
    private static final class Slots {
        private final ReentrantLock lock = new ReentrantLock(true);
        private final Condition freed = lock.newCondition();
        private int inFlight;

        boolean acquire(int limit, Duration wait) {
            lock.lock();
            try {
                long nanos = wait.toNanos();
                while (inFlight >= limit) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = freed.awaitNanos(nanos);
                }
                inFlight++;
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException(FailureKind.OTHER, "Interrupted while waiting for Exchange.", null, e);
            } finally {
                lock.unlock();
            }
        }

        void release() {
            lock.lock();
            try {
                inFlight--;
                freed.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Pauses of this instance alone, for an adapter made outside the container (tests, benchmarks). */
    private static final class LocalPauses implements ServerPauses {
        private final Map<String, Pause> last = new ConcurrentHashMap<>();

        @Override
        public Duration remaining(String server) {
            Pause pause = last.get(server);
            if (pause == null) {
                return Duration.ZERO;
            }
            Duration left = Duration.between(Instant.now(), pause.askedAt().plus(pause.length()));
            return left.isNegative() ? Duration.ZERO : left;
        }

        @Override
        public void pause(String server, Duration backOff) {
            last.merge(server, new Pause(server, Instant.now(), backOff), (before, now) ->
                    before.askedAt().plus(before.length()).isAfter(now.askedAt().plus(now.length())) ? before : now);
        }

        @Override
        public Optional<Pause> last(String server) {
            return Optional.ofNullable(last.get(server));
        }
    }
}
