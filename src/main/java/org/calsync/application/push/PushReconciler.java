package org.calsync.application.push;

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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.CalendarProviders;
import org.calsync.application.pull.CalendarPull;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.CalendarOwnerLock;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.domain.model.sync.ClusterMembership;
import org.calsync.domain.model.sync.OutboxChannel;
import org.calsync.domain.model.sync.OutboxRepository;
import org.calsync.domain.model.sync.SyncMetrics;
import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Language;

/**
 * Carries out outbox entries: makes a person's push-target calendars show each session exactly when it is active
 * and the person is on it, and nowhere else. Idempotent: running an entry twice writes nothing new.
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
    /** An event edited again and again while CalSync writes it is left for a later try after this many rounds. */
    private static final int MAX_ROUNDS = 5;

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

    @Inject
    private SyncMetrics metrics;

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
                .map(claim -> new Claimed(entryId, claim.personId(), claim.channel()));
    }

    /** An outbox entry this instance claimed, with the person it concerns and where it takes the session. */
    public record Claimed(String entryId, String personId, OutboxChannel channel) {
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
                process(entryIds);
                return null;
            });
        } catch (CalendarOwnerLock.CalendarOwnerBusyException busy) {
            LOG.info(busy::getMessage);
            entryIds.forEach(entryId -> postpone(entryId, FailureKind.BUSY, busy.getMessage()));
        }
    }

    private void postpone(String entryId, FailureKind kind, String reason) {
        try {
            ledger.postpone(entryId, kind, reason);
        } catch (RuntimeException again) {
            LOG.log(Level.WARNING, "Push " + entryId + " could not be postponed; its lease runs out instead", again);
        }
    }

    /**
     * Runs one person's claimed entries to their end (done, postponed, or after N tries dead), in rounds. Each round
     * plans the entries, makes their calls and records what the calendars answered; writes to one calendar go to the
     * provider as one burst ({@link CalendarProvider#putAll}, which Microsoft 365 sends through {@code $batch}), a
     * single write being a burst of one. An entry that met an edit in a two-way tenant goes into the next round once
     * that calendar has been read, so that the two-way rules decide (an owner's move moves the session) and the write
     * is then made against what was read. Never throws.
     */
    private void process(List<String> entryIds) {
        Set<String> readFirst = new HashSet<>();
        List<String> pending = entryIds;
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                pending.forEach(entryId -> postpone(entryId, FailureKind.OTHER,
                        "The event kept being edited in the calendar while CalSync wrote it."));
                return;
            }
            pending = round(pending, readFirst);
        }
    }

    /** One round of {@link #process}; returns the entries that go into the next one. */
    private List<String> round(List<String> entryIds, Set<String> readFirst) {
        List<PushPlan> planned = new ArrayList<>();
        for (String entryId : entryIds) {
            try {
                ledger.plan(entryId).ifPresent(planned::add);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Push " + entryId + " could not be planned; it is tried again later", e);
                postpone(entryId, FailureKind.OTHER, e.toString());
            }
        }
        // Entries of one session planned side by side would each write its event, the second against the version the
        // first replaces, which reads as an edit made elsewhere. Plans are read from the state, not from the change
        // that made the entry, so the newest plan does the older entries' work too: they are done with it.
        Map<String, PushPlan> newestPerSession = new LinkedHashMap<>();
        planned.forEach(plan -> newestPerSession.put(plan.sessionId(), plan));
        List<PushPlan> plans = List.copyOf(newestPerSession.values());
        planned.stream().filter(plan -> newestPerSession.get(plan.sessionId()) != plan)
                .forEach(older -> foldInto(older, newestPerSession.get(older.sessionId())));
        List<String> next = new ArrayList<>();

        Map<PushStep, StepOutcome> outcomes = new IdentityHashMap<>();
        Map<String, List<BurstWrite>> bursts = new LinkedHashMap<>();
        for (PushPlan plan : plans) {
            for (PushStep step : plan.steps()) {
                if (step instanceof PushStep.Write write && !step.target().waitingForReconnect()
                        && step.target().unreachable() == null) {
                    bursts.computeIfAbsent(step.target().accountId() + " " + step.target().calendarId(),
                            k -> new ArrayList<>()).add(new BurstWrite(plan, write));
                } else {
                    outcomes.put(step, execute(step, overwrites(plan, step, readFirst)));
                }
            }
        }
        bursts.values().forEach(burst -> writeBurst(burst, outcomes, readFirst));

        // Every write that went through is recorded before an edited calendar is read, or that read would take
        // CalSync's own unrecorded write for the person's edit.
        Map<String, EditedCalendar> edited = new LinkedHashMap<>();
        for (PushPlan plan : plans) {
            List<StepOutcome> own = plan.steps().stream().map(outcomes::get).toList();
            LOG.fine(() -> "tenant=" + plan.tenantId() + " session=" + plan.sessionId() + " person=" + plan.personId()
                    + ": " + own.stream().map(o -> o.result().name()).toList());
            List<PushStep.Target> editedHere = own.stream()
                    .filter(o -> o.result() == StepOutcome.Result.EDITED_ELSEWHERE).map(o -> o.step().target()).toList();
            try {
                // An entry that met an edit keeps its writes elsewhere recorded, and stays with this worker.
                for (PushStep.Remove orphan : ledger.record(plan, own)) {
                    execute(orphan, true); // the calendar was removed while we wrote into it: take the event out again
                }
                own.stream().filter(o -> o.succeeded() && o.written() != null && o.written().meeting() != null)
                        .forEach(hosting -> recordMeeting(plan, hosting));
                measure(plan, own);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Push " + plan.entryId() + " could not be recorded; it is tried again later", e);
                postpone(plan.entryId(), FailureKind.OTHER, e.toString());
                continue;
            }
            editedHere.forEach(target -> edited.computeIfAbsent(target.calendarId(),
                    k -> new EditedCalendar(plan.tenantId(), target, new ArrayList<>())).entries().add(plan.entryId()));
            if (!editedHere.isEmpty()) {
                next.add(plan.entryId());
            }
        }
        edited.values().forEach(calendar -> readBeforeWritingOver(calendar, next, readFirst));
        return next; // each plan, and so each entry, adds itself at most once
    }

    /** Tries a few times: the session may be changed by an admin at the same moment (an optimistic lock refuses). */
    private void recordMeeting(PushPlan plan, StepOutcome hosting) {
        PushStep.Write write = (PushStep.Write) hosting.step();
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                ledger.recordMeeting(plan.tenantId(), plan.sessionId(), write.event().hostsMeeting(),
                        hosting.written().meeting());
                return;
            } catch (RuntimeException concurrent) {
                LOG.log(Level.FINE, "The meeting of session " + plan.sessionId() + " was not recorded yet", concurrent);
            }
        }
        try {
            ledger.meetingNotRecorded(plan, write.target());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The meeting of session " + plan.sessionId() + " could not be recorded", e);
        }
    }

    /** Each call's figures, once the entry's outcome is recorded: latency for what went through, failures by kind. */
    private void measure(PushPlan plan, List<StepOutcome> outcomes) {
        Instant now = Instant.now();
        for (StepOutcome outcome : outcomes) {
            CalendarProviderType provider = outcome.step().target().provider();
            switch (outcome.result()) {
                case DONE -> metrics.pushed(provider, Duration.between(plan.changedAt(), now));
                case UNAVAILABLE, AUTHORISATION_LOST, FAILED ->
                    metrics.failed(provider, SyncMetrics.Work.PUSH, outcome.kind(), outcome.retryAfter());
                default -> {
                    // an edit found in the calendar, or an account waiting to be reconnected: no call failed
                }
            }
        }
    }

    private void foldInto(PushPlan older, PushPlan newest) {
        try {
            ledger.foldedInto(older.entryId());
            LOG.fine(() -> "Push " + older.entryId() + " is done by the newer " + newest.entryId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push " + older.entryId() + " could not be folded into a newer one", e);
        }
    }

    /** A calendar in which one of CalSync's events was edited, with the entries that wait for it to be read. */
    private record EditedCalendar(TenantId tenant, PushStep.Target target, List<String> entries) {
    }

    /**
     * Reads a calendar in which one of CalSync's events was edited, so that the two-way rules decide before the
     * entries write again; when it cannot be read, those entries wait for a later try.
     */
    private void readBeforeWritingOver(EditedCalendar calendar, List<String> next, Set<String> readFirst) {
        TenantId tenant = calendar.tenant();
        PushStep.Target target = calendar.target();
        List<String> entries = calendar.entries();
        try {
            SyncRun run = pull.pull(tenant, target.accountId(), target.calendarId());
            if (run.outcome() != SyncRun.Outcome.FAILED && run.outcome() != SyncRun.Outcome.HELD) {
                readFirst.add(target.calendarId());
                LOG.info(() -> "tenant=" + tenant + ": an edit in calendar " + target.calendarId()
                        + " was read before writing over it");
                return;
            }
            FailureKind kind = run.failureKind() == null ? FailureKind.OTHER : run.failureKind();
            entries.forEach(entryId -> postpone(entryId, kind,
                    "Our event was edited in the calendar, which could not be read before writing: "
                            + run.whatHappened(Language.ENGLISH)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Calendar " + target.calendarId() + " could not be read before writing over it", e);
            entries.forEach(entryId -> postpone(entryId, FailureKind.OTHER, e.toString()));
        }
        next.removeAll(entries);
    }

    /** A one-way tenant's writes, and writes to a calendar read since an edit was found there, overwrite edits. */
    private static boolean overwrites(PushPlan plan, PushStep step, Set<String> readFirst) {
        return !plan.twoWay() || readFirst.contains(step.target().calendarId());
    }

    /** One write of a burst, with the plan it belongs to. */
    private record BurstWrite(PushPlan plan, PushStep.Write write) {
    }

    private void writeBurst(List<BurstWrite> burst, Map<PushStep, StepOutcome> outcomes, Set<String> readFirst) {
        if (burst.size() == 1) {
            // a burst of one is a plain write, without a batch around it
            BurstWrite only = burst.get(0);
            outcomes.put(only.write(), execute(only.write(), overwrites(only.plan(), only.write(), readFirst)));
            return;
        }
        PushStep.Target target = burst.get(0).write().target();
        List<WriteOutcome> written;
        try {
            written = providers.forType(target.provider()).putAll(target.connection(), target.remoteCalendarId(),
                    burst.stream().map(b -> b.write().pending()).toList());
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
            } else if (outcome.failure() instanceof VersionConflictException
                    && overwrites(one.plan(), one.write(), readFirst)) {
                outcomes.put(one.write(), execute(one.write(), true)); // the platform's version wins
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
                    return StepOutcome.done(step, provider.put(target.connection(), target.remoteCalendarId(),
                            write.pending()));
                } catch (VersionConflictException edited) {
                    if (!overwriteEdits) {
                        throw edited;
                    }
                    // The platform is the source: write it back as it is here.
                    return StepOutcome.done(step, provider.put(target.connection(), target.remoteCalendarId(),
                            write.pending().overEdits()));
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
