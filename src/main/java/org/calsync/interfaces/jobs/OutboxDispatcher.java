package org.calsync.interfaces.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.calsync.application.email.InvitationMails;
import org.calsync.application.push.PushReconciler;
import org.calsync.application.sessions.PushPlanner;
import org.calsync.domain.model.sync.OutboxChannel;

/**
 * Drains the push outbox (calendars and invitation emails) on a managed thread, never on the request thread: at
 * once after a change commits, and on every sweep. One drain runs at a time on this instance; claims keep instances
 * apart, and the lease on each person keeps the writers of their calendars and mailbox apart.
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = OutboxDispatcher.PUSH_WORKERS, maxAsync = 4)
public class OutboxDispatcher {

    static final String PUSH_WORKERS = "java:app/concurrent/calsync-push-workers";

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final int BATCH = 50;

    /** Retries due sooner than the next sweep get a wake-up of their own, so that a Retry-After of seconds is kept. */
    private static final Duration SWEEP = Duration.ofSeconds(30);

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    /** Pushes for different people run side by side on these; see {@link #processByPerson}. */
    @Resource(lookup = PUSH_WORKERS)
    private ManagedExecutorService workers;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    private final AtomicReference<Instant> wakeUp = new AtomicReference<>();

    @Inject
    private PushReconciler reconciler;

    @Inject
    private InvitationMails invitationMails;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PushPlanner.PushPlanned planned) {
        drainSoon();
    }

    public void drainSoon() {
        executor.execute(this::drain);
    }

    void drain() {
        if (!draining.compareAndSet(false, true)) {
            again.set(true); // the running drain picks new work up before it stops
            return;
        }
        try {
            do {
                again.set(false);
                List<String> due;
                while (!(due = reconciler.dueEntries(Instant.now(), BATCH)).isEmpty()) {
                    // Claimed together and run together: writes to one calendar then go as one burst.
                    List<PushReconciler.Claimed> claimed = due.stream().flatMap(id -> claim(id).stream()).toList();
                    if (claimed.isEmpty()) {
                        break; // everything due is held by other workers
                    }
                    processByPerson(claimed);
                }
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push drain stopped; the next sweep continues", e);
        } finally {
            draining.set(false);
        }
        scheduleWakeUp();
    }

    /**
     * Each person's entries in turn, several people at once: one person's calendars take one writer at a time
     * anyway, and a burst for many people (a class registering) is not held up behind one slow calendar server.
     */
    private void processByPerson(List<PushReconciler.Claimed> claimed) {
        Map<String, Map<OutboxChannel, List<String>>> byPerson = new LinkedHashMap<>();
        claimed.forEach(one -> byPerson.computeIfAbsent(one.personId(), k -> new EnumMap<>(OutboxChannel.class))
                .computeIfAbsent(one.channel(), k -> new ArrayList<>()).add(one.entryId()));
        List<Future<?>> running = new ArrayList<>();
        byPerson.forEach((personId, byChannel) -> running.add(workers.submit(() -> {
            List<String> calendars = byChannel.getOrDefault(OutboxChannel.CALENDARS, List.of());
            List<String> emails = byChannel.getOrDefault(OutboxChannel.EMAIL, List.of());
            if (!calendars.isEmpty()) {
                reconciler.processForPerson(personId, calendars);
            }
            if (!emails.isEmpty()) {
                invitationMails.deliver(personId, emails);
            }
        })));
        for (Future<?> one : running) {
            try {
                one.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "A person's pushes stopped; the next sweep continues", e.getCause());
            }
        }
    }

    /** Wakes up for the next retry when it is due before the sweep would come; one wake-up at a time. */
    private void scheduleWakeUp() {
        try {
            reconciler.nextAttempt().ifPresent(next -> {
                Instant now = Instant.now();
                Instant planned = wakeUp.get();
                boolean soonerThanSweep = next.isBefore(now.plus(SWEEP));
                boolean soonerThanPlanned = planned == null || planned.isBefore(now) || next.isBefore(planned);
                if (next.isAfter(now) && soonerThanSweep && soonerThanPlanned && wakeUp.compareAndSet(planned, next)) {
                    scheduler.schedule(this::drain, Duration.between(now, next).toMillis() + 50, TimeUnit.MILLISECONDS);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "No wake-up planned; the sweep picks retries up", e);
        }
    }

    private Optional<PushReconciler.Claimed> claim(String id) {
        return reconciler.claim(id, Instant.now());
    }
}
