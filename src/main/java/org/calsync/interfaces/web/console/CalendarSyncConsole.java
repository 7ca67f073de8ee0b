package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.CalendarFacade;
import org.calsync.interfaces.facade.DashboardFacade;
import org.calsync.interfaces.facade.SyncFacade;
import org.calsync.interfaces.facade.dto.AccountStatusView;
import org.calsync.interfaces.facade.dto.AlertView;
import org.calsync.interfaces.facade.dto.DashboardView;
import org.calsync.interfaces.facade.dto.PushFailureView;
import org.calsync.interfaces.facade.dto.SyncRunView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.ReconnectForm;
import org.calsync.interfaces.web.Removals;
import org.calsync.interfaces.web.Texts;

/**
 * The console's calendar sync dashboard: who is connected, the week's activity, pushes that did not arrive
 * (retry, discard), decisions a sync left to the admin, and every linked account with its status and log,
 * sync now, release, reconnect and remove.
 */
@Named
@ViewScoped
public class CalendarSyncConsole implements Serializable {

    private static final int RUNS_SHOWN = 5;

    @Inject
    private DashboardFacade dashboards;

    @Inject
    private SyncFacade sync;

    @Inject
    private CalendarFacade calendars;

    @Inject
    private CurrentUser user;

    private List<AccountStatusView> accounts = List.of();
    private List<AlertView> alerts = List.of();
    private List<PushFailureView> pushFailures = List.of();
    private DashboardView dashboard;
    private final ReconnectForm reconnect = new ReconnectForm();

    public void load() {
        accounts = sync.accountStatus(user.getTenantId(), RUNS_SHOWN, Texts.language());
        alerts = sync.openAlerts(user.getTenantId(), Texts.language());
        pushFailures = sync.pushFailures(user.getTenantId());
        dashboard = dashboards.dashboard(user.getTenantId(), user.getTimeZone(), new DashboardFacade.ChartLabels(
                Texts.locale(), Texts.get("sync.chartPushed"),
                Texts.get("sync.chartPulled"), Texts.get("sync.chartErrors")));
    }

    public void retry(PushFailureView failure) {
        sync.retryPush(user.getTenantId(), failure.id());
        FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("sync.tryingAgain", failure.sessionTitle(),
                failure.personName()));
        load();
    }

    public void discard(PushFailureView failure) {
        try {
            sync.discardPush(user.getTenantId(), failure.id());
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("sync.discarded", failure.sessionTitle(),
                    failure.personName()));
        } catch (RuntimeException e) {
            FacesErrors.show("syncForm", e);
        }
        load();
    }

    public DashboardView getDashboard() {
        return dashboard;
    }

    public List<PushFailureView> getPushFailures() {
        return pushFailures;
    }

    public void syncNow(AccountStatusView row) {
        List<SyncRunView> runs = sync.syncNow(user.getTenantId(), row.personId(), Texts.language());
        long problems = runs.stream().filter(r -> !"OK".equals(r.outcome())).count();
        FacesErrors.global(problems == 0 ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN, problems == 0
                ? Texts.get("sync.syncedOf", runs.size(), row.personName())
                : Texts.get("sync.syncedOfWithProblems", runs.size(), row.personName(), problems));
        load();
    }

    /** The confirmation before discarding a push that gave up. */
    public String discardWarning(PushFailureView failure) {
        return Texts.get("sync.discardMessage", failure.sessionTitle(), failure.personName());
    }

    public void release(AccountStatusView row, String calendarId) {
        calendars.releaseHold(user.getTenantId(), row.account().id(), calendarId, Texts.language());
        FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("sync.released"));
        load();
    }

    public void remove(AccountStatusView row) {
        Removals.removeAndSay(calendars, user.getTenantId(), row.account().id());
        load();
    }

    /** For accounts IT provisioned: the new password is typed here instead of by the person. */
    public void reconnect(AccountStatusView row) {
        if (reconnect.submit(calendars, user.getTenantId(), row.account())) {
            load();
        }
    }

    /**
     * Reached with the organisation's own credentials (Exchange's service account, Microsoft 365's application
     * permission): there is no password of its own to type, only a check again.
     */
    public boolean managedSignIn(AccountStatusView row) {
        return row.account().organisationSignIn();
    }

    public ReconnectForm getReconnect() {
        return reconnect;
    }

    public void resolve(AlertView alert) {
        decide(alert, () -> sync.resolveAlert(user.getTenantId(), alert.id()));
    }

    public void approve(AlertView alert) {
        decide(alert, () -> sync.approveAlert(user.getTenantId(), alert.id()));
    }

    public void refuse(AlertView alert) {
        decide(alert, () -> sync.refuseAlert(user.getTenantId(), alert.id()));
    }

    private void decide(AlertView alert, Runnable decision) {
        try {
            decision.run();
        } catch (RuntimeException e) {
            FacesErrors.show("syncForm", e);
        }
        load();
    }

    public List<AccountStatusView> getAccounts() {
        return accounts;
    }

    public List<AlertView> getAlerts() {
        return alerts;
    }
}
