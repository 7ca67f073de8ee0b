package org.calsync.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.CalendarOwnerLock;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.domain.model.sync.ClusterMembership;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.shared.Language;

/**
 * Carries out one outbox entry: makes the person's push-target calendars show the session exactly when it
 * is active and the person is on it, and nowhere else. Idempotent: running it twice writes nothing new.
 * <p>
 * The provider calls run between two short transactions ({@link PushLedger}), so a slow calendar server
 * never holds a database connection. In two-way tenants an edit found while writing is not overwritten
 * blindly: that calendar is read first, so that the two-way rules decide (an owner's move moves the
 * session), and the write is then made against what was read.
 */
@ApplicationScoped
public class PushReconciler {

    private static final Logger LOG = Logger.getLogger(PushReconciler.class.getName());
    /**
     * While one worker holds an entry, others leave it alone. An instance that dies has its entries taken over as
     * soon as it is known to have left; the lease is the last resort.
     */
    static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    private OutboxRepository outbox;

    @Inject
    private PushLedger ledger;

    @Inject
    private CalendarProviders providers;

    @Inject
    private CalendarPull pull;

    @Inject
    private CalendarOwnerLock ownerLock;

    @Inject
    private ClusterMembership membership;

    /** Pending entries whose time has come, oldest first, across tenants. */
    @Transactional
    public List<String> dueEntries(Instant now, int limit) {
        return outbox.dueIds(now, limit);
    }

    /** When the next pending entry is due, so that a worker can wake up for it. */
    @Transactional
    public Optional<Instant> nextAttempt() {
        return outbox.nextAttempt();
    }

    /** Takes the entry for this instance; empty when it is not due or another worker (or instance) has it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> claim(String entryId, Instant now) {
        return outbox.claim(entryId, membership.self(), now, now.plus(LEASE))
                .map(personId -> new Claimed(entryId, personId));
    }

    /** An outbox entry this instance claimed, with the person whose calendars it brings in line. */
    public record Claimed(String entryId, String personId) {
    }

    /** Entries of a departed instance are due again at once, for any instance to claim. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseClaimsOf(String instance) {
        return outbox.releaseClaimsOf(instance, Instant.now());
    }

    /**
     * Runs one person's claimed entries while holding their calendars' lease, so that no other worker, on this
     * instance or another, writes to or reads from those calendars meanwhile. Never throws.
     */
    public void processForPerson(String personId, List<String> entryIds) {
        try {
            ownerLock.exclusively(personId, () -> {
                processTogether(entryIds);
                return null;
            });
        } catch (CalendarOwnerLock.CalendarOwnerBusyException busy) {
            LOG.info(busy::getMessage);
            entryIds.forEach(entryId -> postpone(entryId, FailureKind.BUSY, busy.getMessage()));
        }
    }

    /** Runs a claimed entry to its end: done, postponed, or (after N tries) dead. Never throws. */
    private void process(String entryId) {
        try {
            Set<String> readFirst = new HashSet<>();
            while (round(entryId, readFirst)) {
                // an edit was found and its calendar read; the next round writes against what was read
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push " + entryId + " failed; it is tried again later", e);
            postpone(entryId, FailureKind.OTHER, e.toString());
        }
    }

    private void postpone(String entryId, FailureKind kind, String reason) {
        try {
            ledger.postpone(entryId, kind, reason);
        } catch (RuntimeException again) {
            LOG.log(Level.WARNING, "Push " + entryId + " could not be postponed; its lease runs out instead", again);
        }
    }

    /** One plan, its calls and their record; true when calendars were read after edits and a new round is due. */
    private boolean round(String entryId, Set<String> readFirst) {
        Optional<PushPlan> found = ledger.plan(entryId);
        if (found.isEmpty()) {
            return false;
        }
        PushPlan plan = found.get();
        List<StepOutcome> outcomes = plan.steps().stream()
                .map(step -> execute(step, !plan.twoWay() || readFirst.contains(step.target().calendarId()))).toList();
        for (PushStep.Remove orphan : ledger.record(plan, outcomes)) {
            // The calendar was removed while we wrote into it: take the event out again.
            execute(orphan, true);
        }
        List<PushStep.Target> edited = outcomes.stream().filter(o -> o.result() == StepOutcome.Result.EDITED_ELSEWHERE)
                .map(o -> o.step().target()).distinct().toList();
        LOG.fine(() -> "tenant=" + plan.tenantId() + " session=" + plan.sessionId() + " person=" + plan.personId() + ": "
                + outcomes.stream().map(o -> o.result().name()).toList());
        for (PushStep.Target target : edited) {
            SyncRun run = pull.pull(plan.tenantId(), target.accountId(), target.calendarId());
            if (run.outcome() == SyncRun.Outcome.FAILED || run.outcome() == SyncRun.Outcome.HELD) {
                ledger.postpone(entryId, run.failureKind() == null ? FailureKind.OTHER : run.failureKind(),
                        "Our event was edited in the calendar, which could not be read before writing: "
                                + run.whatHappened(Language.ENGLISH));
                return false;
            }
            readFirst.add(target.calendarId());
            LOG.info(() -> "tenant=" + plan.tenantId() + " session=" + plan.sessionId() + ": an edit in calendar "
                    + target.calendarId() + " was read before writing over it");
        }
        return !edited.isEmpty();
    }

    /**
     * Runs several claimed entries of one person together. Their writes to the same calendar go to the provider as one burst
     * ({@link CalendarProvider#putAll}), which Microsoft 365 sends through {@code $batch}; everything else is
     * done as {@link #process} does it. An entry that meets an edit in a two-way tenant, or whose record
     * fails, goes through {@link #process} on its own, which reads that calendar first. Never throws.
     */
    private void processTogether(List<String> entryIds) {
        if (entryIds.size() < 2) {
            entryIds.forEach(this::process);
            return;
        }
        List<PushPlan> planned = new ArrayList<>();
        for (String entryId : entryIds) {
            try {
                ledger.plan(entryId).ifPresent(planned::add);
            } catch (RuntimeException e) {
                process(entryId); // on its own, with its own postponement
            }
        }
        // Entries of one session planned side by side would each write its event, the second against the version the
        // first replaces, which reads as an edit made elsewhere. The newest plan goes in the burst; the others are
        // planned again once it is recorded, and then find nothing left to do.
        Map<String, PushPlan> newestPerSession = new LinkedHashMap<>();
        planned.forEach(plan -> newestPerSession.put(plan.sessionId(), plan));
        List<PushPlan> plans = List.copyOf(newestPerSession.values());
        List<String> again = planned.stream().filter(plan -> newestPerSession.get(plan.sessionId()) != plan)
                .map(PushPlan::entryId).collect(Collectors.toCollection(ArrayList::new));
        Map<PushStep, StepOutcome> outcomes = new IdentityHashMap<>();
        Map<String, List<BurstWrite>> bursts = new LinkedHashMap<>();
        for (PushPlan plan : plans) {
            for (PushStep step : plan.steps()) {
                if (step instanceof PushStep.Write write && !step.target().waitingForReconnect()
                        && step.target().unreachable() == null) {
                    bursts.computeIfAbsent(step.target().accountId() + " " + step.target().calendarId(),
                            k -> new ArrayList<>()).add(new BurstWrite(plan, write));
                } else {
                    outcomes.put(step, execute(step, !plan.twoWay()));
                }
            }
        }
        bursts.values().forEach(burst -> writeBurst(burst, outcomes));
        // Every write that went through is recorded before an edited entry reads its calendar, or that read would take
        // CalSync's own unrecorded write for the person's edit.
        for (PushPlan plan : plans) {
            List<StepOutcome> own = plan.steps().stream().map(outcomes::get).toList();
            if (own.stream().anyMatch(o -> o.result() == StepOutcome.Result.EDITED_ELSEWHERE)) {
                again.add(plan.entryId());
                continue;
            }
            try {
                for (PushStep.Remove orphan : ledger.record(plan, own)) {
                    execute(orphan, true);
                }
            } catch (RuntimeException e) {
                again.add(plan.entryId());
            }
        }
        again.forEach(this::process);
    }

    /** One write of a burst, with the plan it belongs to. */
    private record BurstWrite(PushPlan plan, PushStep.Write write) {
    }

    private void writeBurst(List<BurstWrite> burst, Map<PushStep, StepOutcome> outcomes) {
        if (burst.size() == 1) {
            outcomes.put(burst.get(0).write(), execute(burst.get(0).write(), !burst.get(0).plan().twoWay()));
            return;
        }
        PushStep.Target target = burst.get(0).write().target();
        List<WriteOutcome> written;
        try {
            written = providers.forType(target.provider()).putAll(target.connection(), target.remoteCalendarId(),
                    burst.stream().map(b -> new PendingWrite(b.write().event(), b.write().expectedVersion())).toList());
        } catch (RuntimeException e) {
            burst.forEach(b -> outcomes.put(b.write(), failure(b.write(), e)));
            return;
        }
        LOG.fine(() -> "Wrote a burst of " + burst.size() + " events to calendar " + target.calendarId());
        for (int i = 0; i < burst.size(); i++) {
            BurstWrite one = burst.get(i);
            WriteOutcome outcome = written.get(i);
            if (outcome.succeeded()) {
                outcomes.put(one.write(), StepOutcome.done(one.write(), outcome.result()));
            } else if (outcome.failure() instanceof VersionConflictException && !one.plan().twoWay()) {
                outcomes.put(one.write(), execute(one.write(), true)); // one-way: the platform's version wins
            } else {
                outcomes.put(one.write(), failure(one.write(), outcome.failure()));
            }
        }
    }

    private StepOutcome execute(PushStep step, boolean overwriteEdits) {
        PushStep.Target target = step.target();
        if (target.waitingForReconnect()) {
            return StepOutcome.failed(step, StepOutcome.Result.WAITING_FOR_RECONNECT, FailureKind.SIGN_IN,
                    "The calendar account needs reconnecting before CalSync can write to it.", null);
        }
        if (target.unreachable() != null) {
            return failure(step, target.unreachable());
        }
        CalendarProvider provider = providers.forType(target.provider());
        try {
            if (step instanceof PushStep.Write write) {
                try {
                    return StepOutcome.done(step, provider.put(target.connection(), target.remoteCalendarId(), write.event(),
                            write.expectedVersion()));
                } catch (VersionConflictException edited) {
                    if (!overwriteEdits) {
                        throw edited;
                    }
                    // The platform is the source: write it back as it is here.
                    return StepOutcome.done(step, provider.put(target.connection(), target.remoteCalendarId(),
                            write.event(), null));
                }
            }
            PushStep.Remove remove = (PushStep.Remove) step;
            provider.delete(target.connection(), target.remoteCalendarId(), remove.remoteId(), null);
            return StepOutcome.done(step, null);
        } catch (RuntimeException e) {
            return failure(step, e);
        }
    }

    /** What a provider's exception means for the step. */
    private static StepOutcome failure(PushStep step, RuntimeException e) {
        PushStep.Target target = step.target();
        if (e instanceof VersionConflictException edited) {
            return StepOutcome.failed(step, StepOutcome.Result.EDITED_ELSEWHERE, FailureKind.OTHER, edited.getMessage(),
                    null);
        }
        if (e instanceof ProviderUnavailableException unavailable) {
            LOG.info(() -> "Push to calendar " + target.calendarId() + " postponed: " + e.getMessage());
            return StepOutcome.failed(step, StepOutcome.Result.UNAVAILABLE, unavailable.kind(), e.getMessage(),
                    unavailable.retryAfter());
        }
        if (e instanceof AuthorisationLostException) {
            LOG.warning(() -> "Account " + target.accountId() + " needs to reconnect: " + e.getMessage());
            return StepOutcome.failed(step, StepOutcome.Result.AUTHORISATION_LOST, FailureKind.SIGN_IN, e.getMessage(),
                    null);
        }
        LOG.log(Level.WARNING, "Push to calendar " + target.calendarId() + " failed", e);
        return StepOutcome.failed(step, StepOutcome.Result.FAILED, FailureKind.OTHER, e.toString(), null);
    }
}
