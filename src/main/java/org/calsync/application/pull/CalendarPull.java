package org.calsync.application.pull;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.CalendarProviders;
import org.calsync.domain.model.calendar.AccountStatus;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.CalendarOwnerLock;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.sync.SyncMetrics;
import org.calsync.domain.model.sync.SyncNote;
import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.ConcurrentChanges;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * Pulls calendars: reads one calendar's changes since its cursor from its provider and has
 * {@link PullRecorder} apply them; and lists the calendars there are to pull.
 */
@ApplicationScoped
public class CalendarPull {

    private static final Logger LOG = Logger.getLogger(CalendarPull.class.getName());

    @Inject
    private TenantRepository tenants;

    @Inject
    private PersonRepository people;

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private CalendarProviders providers;

    @Inject
    private PullRecorder recorder;

    @Inject
    private CalendarOwnerLock ownerLock;

    @Inject
    private SyncMetrics metrics;

    @Inject
    private RefusedPulls refused;

    /**
     * Every calendar the person's accounts pull from: the push targets and those checked for conflicts.
     * Accounts that need reconnecting are included, so that "sync now" reports them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TenantCalendarRef> calendarsOf(TenantId tenantId, String personId) {
        people.find(tenantId, personId).orElseThrow(() -> new UnknownEntityException("person", personId));
        return pulledCalendars(tenantId, accounts.listForPerson(tenantId, personId).stream()
                .filter(account -> !account.beingRemoved()).toList());
    }

    /**
     * Pulls one calendar. Not transactional: the server is asked between two short transactions of
     * {@link PullRecorder}, and one calendar's failure leaves the others' work in place. Holds the lease of the
     * account owner's calendars throughout, so that no push or other pull, on any instance, runs in between.
     * A pull refused for now (the server asked to wait, or the owner's calendars were held too long) is made
     * again by itself once the wait is over.
     *
     * @return the logged run
     */
    public SyncRun pull(TenantId tenantId, String accountId, String calendarId) {
        Optional<String> owner = recorder.ownerOf(tenantId, accountId);
        if (owner.isEmpty()) {
            return readOnce(tenantId, accountId, calendarId); // it says the account is unknown
        }
        try {
            return ownerLock.exclusively(owner.get(), () -> readOnce(tenantId, accountId, calendarId));
        } catch (CalendarOwnerLock.CalendarOwnerBusyException busy) {
            refused.retryLater(new TenantCalendarRef(tenantId.value(), accountId, calendarId), null);
            return recorder.busy(tenantId, accountId, calendarId, busy.getMessage());
        }
    }

    private SyncRun readOnce(TenantId tenantId, String accountId, String calendarId) {
        PullRecorder.Preparation prepared = recorder.prepare(tenantId, accountId, calendarId);
        if (prepared instanceof PullRecorder.NotAsked notAsked) {
            return notAsked.run();
        }
        PullRecorder.Question asked = (PullRecorder.Question) prepared;
        PullRecorder.Read read = asked.read();
        ChangeBatch batch;
        long started = System.nanoTime();
        try {
            batch = providers.forType(read.provider()).changesSince(read.connection(), read.remoteCalendarId(),
                    read.cursor(), read.window());
        } catch (ProviderUnavailableException | AuthorisationLostException e) {
            FailureKind kind = PullRecorder.kindOf(e);
            Duration wait = e instanceof ProviderUnavailableException unavailable ? unavailable.retryAfter() : null;
            metrics.failed(read.provider(), SyncMetrics.Work.PULL, kind, wait);
            if (kind == FailureKind.BUSY) {
                refused.retryLater(new TenantCalendarRef(tenantId.value(), accountId, calendarId), wait);
            }
            return recordFailure(asked, kind, e.getMessage());
        } catch (RuntimeException e) {
            // A defect in reading one calendar must not stop the others; the log shows it.
            LOG.log(Level.WARNING, "tenant=" + tenantId + " account=" + accountId + " pull failed", e);
            metrics.failed(read.provider(), SyncMetrics.Work.PULL, FailureKind.OTHER);
            return recordFailure(asked, FailureKind.OTHER, "Reading the calendar failed: " + e);
        }
        metrics.pulled(read.provider(), Duration.ofNanos(System.nanoTime() - started), batch.requests());
        return recorder.apply(asked, batch);
    }

    /**
     * Records a failed read. A push that met the same refusal may mark the account at the same moment; the losing
     * commit is then made again on the account as it is now, rather than failing the whole Sync now.
     */
    private SyncRun recordFailure(PullRecorder.Question asked, FailureKind kind, String message) {
        try {
            return recorder.failed(asked, kind, message);
        } catch (RuntimeException e) {
            if (!ConcurrentChanges.isConcurrentChange(e)) {
                throw e;
            }
            return recorder.failed(asked, kind, message);
        }
    }

    /**
     * Pulls one calendar so that what changed up to now is in: a pull that another one overtook (which may
     * have asked the server before the change) is made again.
     */
    public SyncRun pullToNow(TenantCalendarRef ref) {
        TenantId tenantId = new TenantId(ref.tenantId());
        SyncRun run = pull(tenantId, ref.accountId(), ref.calendarId());
        for (int again = 0; again < 2 && run.says(SyncNote.Kind.SUPERSEDED); again++) {
            run = pull(tenantId, ref.accountId(), ref.calendarId());
        }
        return run;
    }

    /**
     * Every calendar that pulls of every connected account, for one tenant or, with a null tenant,
     * installation-wide for the scheduled job; optionally for one person. Accounts that need reconnecting
     * are left out, as are those the organisation's rules pause: pulling them would only repeat the refusal
     * every hour.
     */
    @Transactional
    public List<TenantCalendarRef> calendarsToPull(TenantId tenantId, String personId) {
        List<TenantCalendarRef> result = new ArrayList<>();
        List<Tenant> scope = tenantId == null ? tenants.all() : List.of(tenants.find(tenantId).orElseThrow());
        for (Tenant tenant : scope) {
            result.addAll(pulledCalendars(tenant.id(), accountsToPull(tenant, personId)));
        }
        return result;
    }

    /**
     * The accounts of a tenant (or of one of its people) whose calendars are read: those the organisation's rules
     * allow, not being removed and not waiting to be reconnected. Paused accounts are not read, and their hourly
     * runs would only repeat that they are paused.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarAccount> accountsToPull(Tenant tenant, String personId) {
        List<CalendarAccount> linked = personId == null ? accounts.listForTenant(tenant.id())
                : accounts.listForPerson(tenant.id(), personId);
        return linked.stream().filter(account -> !account.beingRemoved() && account.status() != AccountStatus.NEEDS_RECONSENT)
                .filter(account -> people.find(tenant.id(), account.personId())
                        .filter(owner -> account.syncAllowedBy(tenant.settings(), owner)).isPresent()).toList();
    }

    /** The push targets and conflict calendars of these accounts. */
    private static List<TenantCalendarRef> pulledCalendars(TenantId tenantId, List<CalendarAccount> linked) {
        List<TenantCalendarRef> result = new ArrayList<>();
        for (CalendarAccount account : linked) {
            account.calendars().stream().filter(ExternalCalendar::pulled)
                    .forEach(c -> result.add(new TenantCalendarRef(tenantId.value(), account.id(), c.id())));
        }
        return result;
    }

    /** A calendar to pull, with its tenant; serialisable, as batch checkpoints are. */
    public record TenantCalendarRef(String tenantId, String accountId, String calendarId) implements Serializable {
    }
}
