package org.calsync.application;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.sync.OutboxState;
import org.calsync.domain.model.sync.SyncRun;

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
    /** While one worker holds an entry, others leave it alone; a crashed worker's lease simply runs out. */
    static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    private OutboxRepository outbox;

    @Inject
    private PushLedger ledger;

    @Inject
    private CalendarProviders providers;

    @Inject
    private CalendarPull pull;

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

    /** Takes the entry for this worker; false when it is not due or another worker (or node) has it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String entryId, Instant now) {
        Optional<OutboxEntry> entry = outbox.find(entryId);
        if (entry.isEmpty() || entry.get().state() != OutboxState.PENDING || entry.get().nextAttemptAt().isAfter(now)) {
            return false;
        }
        entry.get().lease(now.plus(LEASE));
        return true;
    }

    /** Runs a claimed entry to its end: done, postponed, or (after N tries) dead. Never throws. */
    public void process(String entryId) {
        try {
            Set<String> readFirst = new HashSet<>();
            while (round(entryId, readFirst)) {
                // an edit was found and its calendar read; the next round writes against what was read
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push " + entryId + " failed; it is tried again later", e);
            try {
                ledger.postpone(entryId, e.toString());
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Push " + entryId + " could not be postponed; its lease runs out instead", again);
            }
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
                ledger.postpone(entryId, "Our event was edited in the calendar, which could not be read before writing: "
                        + run.message());
                return false;
            }
            readFirst.add(target.calendarId());
            LOG.info(() -> "tenant=" + plan.tenantId() + " session=" + plan.sessionId() + ": an edit in calendar "
                    + target.calendarId() + " was read before writing over it");
        }
        return !edited.isEmpty();
    }

    private StepOutcome execute(PushStep step, boolean overwriteEdits) {
        PushStep.Target target = step.target();
        if (target.waitingForReconnect()) {
            return StepOutcome.failed(step, StepOutcome.Result.WAITING_FOR_RECONNECT,
                    "The calendar account needs reconnecting before CalSync can write to it.", null);
        }
        CalendarProvider provider = providers.forType(target.provider());
        try {
            if (step instanceof PushStep.Write write) {
                try {
                    return StepOutcome.done(step, provider.put(target.connection(), target.remoteCalendarId(), write.event(),
                            write.expectedVersion()));
                } catch (VersionConflictException edited) {
                    if (!overwriteEdits) {
                        return StepOutcome.failed(step, StepOutcome.Result.EDITED_ELSEWHERE, edited.getMessage(), null);
                    }
                    // The platform is the source: write it back as it is here.
                    return StepOutcome.done(step, provider.put(target.connection(), target.remoteCalendarId(),
                            write.event(), null));
                }
            }
            PushStep.Remove remove = (PushStep.Remove) step;
            provider.delete(target.connection(), target.remoteCalendarId(), remove.remoteId(), null);
            return StepOutcome.done(step, null);
        } catch (ProviderUnavailableException e) {
            LOG.info(() -> "Push to calendar " + target.calendarId() + " postponed: " + e.getMessage());
            return StepOutcome.failed(step, StepOutcome.Result.UNAVAILABLE, e.getMessage(), e.retryAfter());
        } catch (AuthorisationLostException e) {
            LOG.warning(() -> "Account " + target.accountId() + " needs to reconnect: " + e.getMessage());
            return StepOutcome.failed(step, StepOutcome.Result.AUTHORISATION_LOST, e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push to calendar " + target.calendarId() + " failed", e);
            return StepOutcome.failed(step, StepOutcome.Result.FAILED, e.toString(), null);
        }
    }
}
