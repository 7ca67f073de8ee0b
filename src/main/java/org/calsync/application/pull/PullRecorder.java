package org.calsync.application.pull;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.connection.AccountConnections;
import org.calsync.application.connection.ReconnectNotices;
import org.calsync.domain.model.calendar.AccountStatus;
import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.BusyBlock;
import org.calsync.domain.model.calendar.BusyBlockRepository;
import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.EventIdentity;
import org.calsync.domain.model.calendar.EventLink;
import org.calsync.domain.model.calendar.EventLinkRepository;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.sync.AdminAlert;
import org.calsync.domain.model.sync.AdminAlertRepository;
import org.calsync.domain.model.sync.SyncNote;
import org.calsync.domain.model.sync.SyncRun.Counts;
import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.model.sync.SyncRunRepository;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * The database ends of one calendar's pull, each a short transaction of its own, so that no connection
 * waits while the calendar server answers:
 * <ol>
 * <li>{@link #prepare}: what CalSync knows of the calendar, read before the server is asked, so that a push
 * committing meanwhile cannot make its fresh event look deleted on a full read;</li>
 * <li>{@link #apply}: busy blocks for other events (titled only where the privacy mode allows), our own
 * events recognised by UID and their echoes by version, a full read treating whatever is missing as
 * deleted, and the mass-deletion guard.</li>
 * </ol>
 * Every run is logged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PullRecorder {

    /** A pull that would remove more than this share of what CalSync knows of a calendar is held back. */
    static final double MASS_DELETION_SHARE = 0.5;
    /**
     * ... for calendars with at least this many events: a small one may lose most of them legitimately. An answer
     * that would leave a calendar with nothing at all is held whatever its size, as servers that lost a calendar
     * or answer for the wrong one look exactly like that.
     */
    static final int MASS_DELETION_MINIMUM = 6;
    private static final Logger LOG = Logger.getLogger(PullRecorder.class.getName());

    private final TenantRepository tenants;
    private final PersonRepository people;
    private final AdminAlertRepository alerts;
    private final CalendarAccountRepository accounts;
    private final EventLinkRepository links;
    private final BusyBlockRepository busy;
    private final SyncRunRepository runs;
    private final AccountConnections connections;
    private final TwoWayRules twoWay;
    private final ReconnectNotices reconnectNotices;

    @Inject
    public PullRecorder(TenantRepository tenants, PersonRepository people, AdminAlertRepository alerts,
            CalendarAccountRepository accounts, EventLinkRepository links, BusyBlockRepository busy,
            SyncRunRepository runs, AccountConnections connections, TwoWayRules twoWay,
            ReconnectNotices reconnectNotices) {
        this.tenants = tenants;
        this.people = people;
        this.alerts = alerts;
        this.accounts = accounts;
        this.links = links;
        this.busy = busy;
        this.runs = runs;
        this.connections = connections;
        this.twoWay = twoWay;
        this.reconnectNotices = reconnectNotices;
    }

    /** For the container's proxy only. */
    protected PullRecorder() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The person whose calendars the account holds; empty when the account is gone. Read in a transaction like
     * everything else here: pulls run on pool threads, and a read outside a transaction there takes Payara's
     * non-transactional EntityManager, which it files under the invocation of the request that started the job and
     * closes when that request ends, under the pull ("closed EntityManager").
     */
    public Optional<String> ownerOf(TenantId tenantId, String accountId) {
        return accounts.find(tenantId, accountId).map(CalendarAccount::personId);
    }

    /**
     * What the server must be asked, or, for an account that needs reconnecting or a calendar held by the
     * guard, the run that says why it is not asked.
     */
    public Preparation prepare(TenantId tenantId, String accountId, String calendarId) {
        Instant started = Instant.now();
        CalendarAccount account = accounts.find(tenantId, accountId)
                .orElseThrow(() -> new UnknownEntityException("calendar account", accountId));
        ExternalCalendar calendar = account.calendar(calendarId)
                .orElseThrow(() -> new UnknownEntityException("calendar", calendarId));
        if (account.beingRemoved()) {
            return new NotAsked(logFailure(tenantId, account, calendar, started, Counts.NONE,
                    FailureKind.REMOVING, "The account is being removed."));
        }
        Tenant tenant = tenants.find(tenantId).orElseThrow();
        Person owner = people.find(tenantId, account.personId()).orElseThrow();
        if (!account.syncAllowedBy(tenant.settings(), owner)) {
            return new NotAsked(log(tenantId, account, calendar, started, Counts.NONE, SyncRun.Outcome.PAUSED,
                    List.of(SyncNote.of(SyncNote.Kind.PAUSED))));
        }
        if (account.status() == AccountStatus.NEEDS_RECONSENT) {
            return new NotAsked(logFailure(tenantId, account, calendar, started, Counts.ONE_ERROR,
                    FailureKind.SIGN_IN, "The account needs reconnecting: " + account.statusMessage()));
        }
        if (calendar.hold().isPresent()) {
            return new NotAsked(log(tenantId, account, calendar, started, Counts.NONE, SyncRun.Outcome.HELD,
                    List.of(calendar.hold().get())));
        }
        TimeWindow window = new TimeWindow(started.minus(1, ChronoUnit.DAYS),
                ZonedDateTime.now().plusMonths(tenant.settings().pullWindowMonths()).toInstant());
        ProviderConnection connection;
        try {
            connection = connections.of(account, owner.timeZone());
        } catch (ProviderUnavailableException | AuthorisationLostException e) {
            // The sign-in itself failed (a token service down or refusing): this calendar's run says so, the
            // other calendars are read as usual.
            noteRefusal(tenantId, account, kindOf(e), e.getMessage());
            return new NotAsked(logFailure(tenantId, account, calendar, started, Counts.ONE_ERROR,
                    kindOf(e), e.getMessage()));
        }
        Set<String> knownLinks = links.inCalendar(tenantId, calendar.id()).stream().map(EventLink::id)
                .collect(Collectors.toSet());
        return new Question(tenantId, accountId, calendarId,
                new Read(account.provider(), connection, calendar.remoteId(), calendar.cursor(), window),
                connections.credentialsTag(account), started,
                new Known(knownLinks, busy.remoteIdsIn(tenantId, calendar.id())));
    }

    /** The kind of a provider's exception: a refused sign-in, the kind an unavailable provider gave, or other. */
    static FailureKind kindOf(RuntimeException failure) {
        if (failure instanceof AuthorisationLostException) {
            return FailureKind.SIGN_IN;
        }
        return failure instanceof ProviderUnavailableException unavailable ? unavailable.kind() : FailureKind.OTHER;
    }

    /** Another instance kept the account owner's calendars too long: this pull is logged as failed, to be made later. */
    public SyncRun busy(TenantId tenantId, String accountId, String calendarId, String message) {
        Instant started = Instant.now();
        Optional<CalendarAccount> account = accounts.find(tenantId, accountId);
        Optional<ExternalCalendar> calendar = account.flatMap(a -> a.calendar(calendarId));
        if (calendar.isEmpty()) {
            return SyncRun.failed(tenantId, accountId, calendarId, started, Counts.NONE, FailureKind.BUSY, message);
        }
        return logFailure(tenantId, account.get(), calendar.get(), started, Counts.NONE, FailureKind.BUSY, message);
    }

    /** The server could not be asked: the account's status says why, and the run is logged. */
    public SyncRun failed(Question asked, FailureKind kind, String message) {
        Optional<CalendarAccount> account = accounts.find(asked.tenantId(), asked.accountId());
        Optional<ExternalCalendar> calendar = account.flatMap(a -> a.calendar(asked.calendarId()));
        if (calendar.isEmpty()) {
            return removedMeanwhile(asked);
        }
        if (kind == FailureKind.SIGN_IN && !connections.credentialsTag(account.get()).equals(asked.credentialsTag())) {
            message = "Refused with credentials that have been replaced since; the next sync uses the new ones.";
        } else {
            noteRefusal(asked.tenantId(), account.get(), kind, message);
        }
        return logFailure(asked.tenantId(), account.get(), calendar.get(), asked.started(), Counts.ONE_ERROR, kind,
                message);
    }

    /** The account's status after a refusal (its owner is told once) or another failure. */
    private void noteRefusal(TenantId tenantId, CalendarAccount account, FailureKind kind, String message) {
        if (kind != FailureKind.SIGN_IN) {
            account.markError(kind, message);
        } else {
            reconnectNotices.refused(tenantId, account, message);
        }
    }

    /** Applies what the server answered, unless the calendar was removed or another pull got there first. */
    public SyncRun apply(Question asked, ChangeBatch batch) {
        TenantId tenantId = asked.tenantId();
        Optional<CalendarAccount> account = accounts.find(tenantId, asked.accountId());
        Optional<ExternalCalendar> calendar = account.flatMap(a -> a.calendar(asked.calendarId()));
        if (calendar.isEmpty()) {
            return removedMeanwhile(asked);
        }
        account.get().markWorking(asked.started());
        if (!calendar.get().cursor().equals(asked.read().cursor())) {
            return log(tenantId, account.get(), calendar.get(), asked.started(), Counts.requests(batch.requests()),
                    SyncRun.Outcome.OK, List.of(SyncNote.of(SyncNote.Kind.SUPERSEDED)));
        }
        List<EventLink> knownLinks = links.inCalendar(tenantId, calendar.get().id()).stream()
                .filter(link -> asked.known().linkIds().contains(link.id())).toList();
        return apply(tenants.find(tenantId).orElseThrow(), account.get(), calendar.get(), batch, asked.started(), knownLinks,
                asked.known().busy());
    }

    private SyncRun apply(Tenant tenant, CalendarAccount account, ExternalCalendar calendar, ChangeBatch batch,
            Instant started, List<EventLink> knownLinks, Set<String> known) {
        TenantId tenantId = tenant.id();
        Map<String, EventLink> ours = new HashMap<>();
        Map<String, EventLink> oursByUid = new HashMap<>();
        for (EventLink link : knownLinks) {
            ours.put(link.remoteId(), link);
            oursByUid.put(link.uid(), link);
        }
        // A provider may list our event under another spelling of its URL; the UID is what identifies it.
        for (RemoteEvent event : batch.changed()) {
            EventLink byUid = oursByUid.get(event.uid());
            if (byUid != null && !ours.containsKey(event.remoteId())) {
                ours.remove(byUid.remoteId());
                ours.put(event.remoteId(), byUid);
            }
        }

        List<RemoteEvent> external = new ArrayList<>();
        List<RemoteEvent> ourChanged = new ArrayList<>();
        for (RemoteEvent event : batch.changed()) {
            (ours.containsKey(event.remoteId()) || EventIdentity.isOurs(event.uid()) ? ourChanged : external).add(event);
        }
        Set<String> removed = new HashSet<>(batch.removed());
        if (batch.fullRead()) {
            Set<String> present = batch.changed().stream().map(RemoteEvent::remoteId).collect(Collectors.toSet());
            batch.skipped().forEach(item -> present.add(item.remoteId()));
            known.stream().filter(id -> !present.contains(id)).forEach(removed::add);
            ours.keySet().stream().filter(id -> !present.contains(id)).forEach(removed::add);
        }
        Set<String> removedExternal = removed.stream().filter(known::contains).collect(Collectors.toSet());
        List<EventLink> removedOurs = removed.stream().map(ours::get).filter(link -> link != null).toList();

        int before = known.size() + ours.size();
        int disappearing = removedExternal.size() + removedOurs.size();
        boolean massDeletion = before >= MASS_DELETION_MINIMUM && disappearing > before * MASS_DELETION_SHARE;
        boolean emptiesIt = before > 0 && disappearing == before && external.isEmpty() && ourChanged.isEmpty();
        if (calendar.guardApplies() && (massDeletion || emptiesIt)) {
            SyncNote reason = emptiesIt ? SyncNote.heldEmptying(before) : SyncNote.heldRemoving(disappearing, before);
            calendar.hold(reason);
            if (alerts.openForCalendar(tenantId, calendar.id(), AdminAlert.Kind.CALENDAR_HELD).isEmpty()) {
                Person owner = people.find(tenantId, account.personId()).orElseThrow();
                alerts.add(AdminAlert.calendarHeld(tenantId, calendar, reason.asAlert(owner.displayName(),
                        calendar.displayName())));
            }
            LOG.warning(() -> "tenant=" + tenantId + " account=" + account.id() + " " + reason);
            return log(tenantId, account, calendar, started, Counts.requests(batch.requests()), SyncRun.Outcome.HELD,
                    List.of(reason));
        }

        Set<String> replaced = new HashSet<>(removedExternal);
        external.forEach(event -> replaced.add(event.remoteId()));
        busy.removeForRemoteIds(tenantId, calendar.id(), replaced);
        // A server may list one event twice in an answer (a delta with two versions of it): the last one counts,
        // and each of its intervals is stored once.
        Map<String, RemoteEvent> latest = new LinkedHashMap<>();
        external.forEach(event -> latest.put(event.remoteId(), event));
        for (RemoteEvent event : latest.values()) {
            event.busy().stream().collect(Collectors.toMap(BusyInterval::start, interval -> interval, (a, b) -> a,
                    LinkedHashMap::new)).values()
                    .forEach(interval -> busy.add(new BusyBlock(tenantId, calendar, event, interval, account.privacyMode())));
        }
        List<TwoWayRules.Verdict> decisions = ourEvents(tenant, ourChanged, removedOurs, ours);
        calendar.advanceCursor(batch.next(), Instant.now());

        // In: busy times read, and edits to CalSync's events that changed the platform (a move, a cancellation);
        // out: CalSync's events written back.
        int takenIn = (int) decisions.stream().filter(TwoWayRules.Verdict::takenIn).count();
        int changesIn = external.size() + removedExternal.size() + takenIn;
        List<SyncNote> notes = new ArrayList<>(decisions.stream().map(TwoWayRules.Verdict::note).toList());
        if (!batch.skipped().isEmpty()) {
            notes.add(SyncNote.skipped(batch.skipped().size(), batch.skipped().stream()
                    .map(s -> s.remoteId() + " (" + s.reason() + ")").collect(Collectors.joining("; "))));
        }
        Counts counts = new Counts(changesIn, decisions.size() - takenIn, batch.skipped().size(), batch.requests());
        return log(tenantId, account, calendar, started, counts,
                batch.skipped().isEmpty() ? SyncRun.Outcome.OK : SyncRun.Outcome.PARTIAL, notes);
    }

    /**
     * Our events come back on every pull. One carrying the version we wrote is our own echo. One edited or
     * deleted in the calendar goes to the two-way rules, which say what it means for the platform.
     */
    private List<TwoWayRules.Verdict> ourEvents(Tenant tenant, List<RemoteEvent> changed, List<EventLink> deleted,
            Map<String, EventLink> ours) {
        List<TwoWayRules.Verdict> decisions = new ArrayList<>();
        for (RemoteEvent event : changed) {
            EventLink link = ours.get(event.remoteId());
            if (link == null || (link.versionTag() != null && link.versionTag().equals(event.version()))) {
                continue;
            }
            decisions.add(twoWay.changed(tenant, link, event));
        }
        for (EventLink link : deleted) {
            links.remove(link);
            decisions.add(twoWay.deleted(tenant, link));
        }
        return decisions;
    }

    /** Not logged: the account or calendar it would belong to is gone, and its log with it. */
    private static SyncRun removedMeanwhile(Question asked) {
        return SyncRun.failed(asked.tenantId(), asked.accountId(), asked.calendarId(), asked.started(), Counts.NONE,
                FailureKind.REMOVING, "The calendar was removed while it was read.");
    }

    private SyncRun log(TenantId tenantId, CalendarAccount account, ExternalCalendar calendar, Instant started,
            Counts counts, SyncRun.Outcome outcome, List<SyncNote> notes) {
        return logged(SyncRun.finished(tenantId, account.id(), calendar.id(), started, counts, outcome, notes),
                calendar);
    }

    private SyncRun logFailure(TenantId tenantId, CalendarAccount account, ExternalCalendar calendar, Instant started,
            Counts counts, FailureKind kind, String failure) {
        return logged(SyncRun.failed(tenantId, account.id(), calendar.id(), started, counts, kind, failure), calendar);
    }

    private SyncRun logged(SyncRun run, ExternalCalendar calendar) {
        runs.add(run);
        LOG.info(() -> "tenant=" + run.tenantId() + " account=" + run.accountId() + " pulled " + calendar.displayName()
                + ": " + run.outcome() + ", " + run.changesIn() + " in, " + run.changesOut() + " restored, " + run.errors()
                + " errors, " + run.requests() + " requests");
        return run;
    }

    /** One pull's preparation: the question to put to the server, or the run that says why it is not asked. */
    public sealed interface Preparation permits NotAsked, Question {
    }

    /** The server is not asked (a paused, held or refused account): the run says why. */
    public record NotAsked(SyncRun run) implements Preparation {
    }

    /**
     * The question to put to the server, with what CalSync knew before asking.
     *
     * @param credentialsTag the credentials it is asked with, so that a refusal of since-replaced ones is told apart
     */
    public record Question(TenantId tenantId, String accountId, String calendarId, Read read, String credentialsTag,
            Instant started, Known known) implements Preparation {
    }

    /** What the provider is asked: one calendar's changes since its cursor, within the window. */
    public record Read(CalendarProviderType provider, ProviderConnection connection, String remoteCalendarId,
            SyncCursor cursor, TimeWindow window) {
    }

    /** The event links and the busy times' remote ids the calendar had before the server was asked. */
    public record Known(Set<String> linkIds, Set<String> busy) {
    }
}
