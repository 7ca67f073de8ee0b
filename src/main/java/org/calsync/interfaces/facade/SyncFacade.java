package org.calsync.interfaces.facade;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.linking.CalendarLinking;
import org.calsync.application.linking.SyncPauses;
import org.calsync.application.people.PersonService;
import org.calsync.application.planning.Availability;
import org.calsync.application.pull.CalendarPull;
import org.calsync.application.push.PushFailures;
import org.calsync.application.sessions.AlertDecisions;
import org.calsync.domain.model.calendar.BusyBlock;
import org.calsync.domain.model.calendar.BusyBlockRepository;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.sync.AdminAlertRepository;
import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.model.sync.SyncRunRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Language;
import org.calsync.domain.shared.Message;
import org.calsync.interfaces.facade.dto.AccountStatusView;
import org.calsync.interfaces.facade.dto.AlertView;
import org.calsync.interfaces.facade.dto.AvailabilityView;
import org.calsync.interfaces.facade.dto.BusyBlockView;
import org.calsync.interfaces.facade.dto.PushFailureView;
import org.calsync.interfaces.facade.dto.SyncRunView;

/** Sync now, busy times and the sync log. */
@ApplicationScoped
public class SyncFacade {

    private static final int LOG_LENGTH = 50;

    @Inject
    private CalendarFacade calendars;

    @Inject
    private CalendarPull pull;

    @Inject
    private BusyBlockRepository busy;

    @Inject
    private SyncRunRepository runs;

    @Inject
    private AdminAlertRepository alerts;

    @Inject
    private CalendarLinking linking;

    @Inject
    private PersonService people;

    @Inject
    private PushFailures pushFailures;

    @Inject
    private Availability availability;

    @Inject
    private SyncPauses pauses;

    @Inject
    private AlertDecisions decisions;

    /** Pulls every calendar of the person now; each calendar commits on its own. */
    public List<SyncRunView> syncNow(String tenantId, String personId, Language reader) {
        TenantId tenant = new TenantId(tenantId);
        return pull.calendarsOf(tenant, personId).stream()
                .map(calendar -> view(pull.pull(tenant, calendar.accountId(), calendar.calendarId()), reader)).toList();
    }

    @Transactional
    public List<BusyBlockView> busyTimes(String tenantId, String personId, Instant from, Instant to) {
        TenantId tenant = new TenantId(tenantId);
        people.find(tenant, personId); // another tenant's person is not found, as on every person route
        return busy.forPerson(tenant, personId, from, to).stream().map(SyncFacade::view).toList();
    }

    @Transactional
    public List<SyncRunView> log(String tenantId, String accountId, Language reader) {
        return runs.recent(new TenantId(tenantId), accountId, LOG_LENGTH).stream().map(run -> view(run, reader)).toList();
    }

    /** Every linked account of the tenant with its owner and its last runs, for the console. */
    @Transactional
    public List<AccountStatusView> accountStatus(String tenantId, int runsPerAccount, Language reader) {
        TenantId tenant = new TenantId(tenantId);
        return linking.accountsOfTenant(tenant).stream()
                .map(account -> new AccountStatusView(account.personId(), people.find(tenant, account.personId()).displayName(),
                        calendars.view(account, pauses.paused(tenant, account), reader),
                        runs.recent(tenant, account.id(), runsPerAccount).stream().map(run -> view(run, reader)).toList()))
                .sorted(Comparator.comparing(AccountStatusView::personName))
                .toList();
    }

    @Transactional
    public List<AlertView> openAlerts(String tenantId, Language reader) {
        return alerts.open(new TenantId(tenantId)).stream().map(a -> new AlertView(a.id(), a.kind().name(), a.sessionId(),
                a.personId(), a.accountId(), a.calendarId(), a.note().text(reader), a.createdAt(), a.kind().asksApproval()))
                .toList();
    }

    /** Marks an alert dealt with; a held calendar's alert releases the calendar. */
    @Transactional
    public void resolveAlert(String tenantId, String alertId) {
        decisions.done(new TenantId(tenantId), alertId);
    }

    /** A learner's late cancellation stands: unregistered, their event removed. */
    @Transactional
    public void approveAlert(String tenantId, String alertId) {
        decisions.approve(new TenantId(tenantId), alertId);
    }

    /** A learner's late cancellation is refused: still registered, and told so. */
    @Transactional
    public void refuseAlert(String tenantId, String alertId) {
        decisions.refuse(new TenantId(tenantId), alertId);
    }

    /** Several people's busy times side by side; for those without a linked calendar, the organisation's free/busy. */
    public List<AvailabilityView> availability(String tenantId, List<String> personIds, Instant from, Instant to) {
        return availability.of(new TenantId(tenantId), personIds, new TimeWindow(from, to)).stream()
                .map(person -> new AvailabilityView(person.personId(), person.name(), person.source().apiName(),
                        person.busy().stream().map(b -> new AvailabilityView.Interval(b.interval().start(), b.interval().end(),
                                b.interval().allDay()))
                                .toList()))
                .toList();
    }

    public List<PushFailureView> pushFailures(String tenantId) {
        return pushFailures.list(new TenantId(tenantId)).stream().map(f -> new PushFailureView(f.entryId(), f.sessionId(),
                f.sessionTitle(), f.personId(), f.personName(), f.channel().name(), f.state(), f.attempts(), f.nextAttemptAt(),
                nameOf(f.failureKind()), f.lastError()))
                .toList();
    }

    public void retryPush(String tenantId, String entryId) {
        pushFailures.retry(new TenantId(tenantId), entryId);
    }

    /** Gives up on a dead push for good. */
    public void discardPush(String tenantId, String entryId) {
        pushFailures.discard(new TenantId(tenantId), entryId);
    }

    /** What the run did in the reader's language, or when it failed, the server's words; the detail is for IT. */
    static SyncRunView view(SyncRun run, Language reader) {
        return new SyncRunView(run.id(), run.accountId(), run.calendarId(), run.startedAt(), run.finishedAt(),
                run.changesIn(), run.changesOut(), run.errors(), run.requests(), run.outcome().name(),
                nameOf(run.failureKind()), run.whatHappened(reader), run.detail());
    }

    /** A failure kind as the API and the pages name it; null when nothing failed. */
    static String nameOf(FailureKind kind) {
        return kind == null ? null : kind.name();
    }

    static BusyBlockView view(BusyBlock block) {
        return new BusyBlockView(block.start(), block.end(), block.allDay(), block.title() == null ? "Busy" : block.title(),
                block.calendar().displayName(), block.calendar().account().provider().name(),
                Message.of("provider." + block.calendar().account().provider().name()).english(),
                block.calendar().account().id());
    }
}
