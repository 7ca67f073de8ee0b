package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.CalendarFacade;
import org.calsync.interfaces.facade.InvitationFacade;
import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.SyncJobFacade;
import org.calsync.interfaces.facade.dto.CalendarAccountView;
import org.calsync.interfaces.facade.dto.InvitationStatusView;
import org.calsync.interfaces.facade.dto.PersonView;
import org.calsync.interfaces.facade.dto.SyncJobView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Formats;
import org.calsync.interfaces.web.Texts;

/**
 * Everyone in the tenant, with their calendar invitation; the admin selects people and invites them, or
 * syncs their calendars now and watches the job's progress.
 */
@Named
@ViewScoped
public class PeopleList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Formats formats;

    @Inject
    private PeopleFacade people;

    @Inject
    private InvitationFacade invitations;

    @Inject
    private SyncJobFacade syncJobs;

    @Inject
    private CalendarFacade calendars;

    @Inject
    private CurrentUser user;

    private List<PersonView> rows = List.of();
    private List<PersonView> selected = new ArrayList<>();
    private Map<String, InvitationStatusView> invitationStatus = Map.of();
    private Map<String, List<CalendarAccountView>> accounts = Map.of();
    private SyncJobView job;
    private int syncedPeople;
    private String syncSummary;
    private boolean syncSucceeded;

    public void load() {
        rows = people.list(user.getTenantId());
        invitationStatus = invitations.statuses(user.getTenantId());
        accounts = calendars.accountsOfTenant(user.getTenantId(), Texts.language()).stream()
                .collect(Collectors.groupingBy(CalendarAccountView::personId));
    }

    /** The person's linked accounts; empty when none. */
    public List<CalendarAccountView> accountsOf(String personId) {
        return accounts.getOrDefault(personId, List.of());
    }

    /** Emails each selected person a new invitation link; sending again replaces the earlier link. */
    public void invite() {
        try {
            List<String> sent = invitations.invite(user.getTenantId(), selected.stream().map(PersonView::id).toList(),
                    user.getDisplayName());
            FacesErrors.global(FacesMessage.SEVERITY_INFO, sent.size() == 1 ? Texts.get("people.invitationSent", sent.get(0))
                    : Texts.get("people.invitationsSent", sent.size()));
            selected = new ArrayList<>();
            load();
        } catch (RuntimeException e) {
            FacesErrors.show("peopleForm", e);
        }
    }

    /** "Sync now" for the selected people: starts the pull job; the page's progress bar follows it. */
    public void syncSelected() {
        try {
            syncSummary = null;
            job = syncJobs.start(user.getTenantId(), selected.stream().map(PersonView::id).toList());
            syncedPeople = selected.size();
        } catch (RuntimeException e) {
            job = null;
            FacesErrors.show("peopleForm", e);
        }
    }

    /** How far the running "sync now" has got, 0 to 100, for the progress bar's polls. */
    public int getSyncProgress() {
        if (job == null) {
            return 0;
        }
        if (!job.finished()) {
            job = syncJobs.status(user.getTenantId(), job.executionId());
        }
        return job.percent();
    }

    /**
     * The progress bar reached 100%: the bar gives way to what the job found, beside the button that started it
     * (and at the top of the page, where every result is said).
     */
    public void syncFinished() {
        if (job == null) {
            return;
        }
        boolean ok = job.completed();
        Map<String, Integer> counts = job.outcomeCounts();
        if (ok && job.calendarsTotal() == 0) {
            syncSummary = Texts.get("people.syncNothing", syncedPeople);
        } else {
            syncSummary = Texts.get(ok ? "people.syncDone" : "people.syncStopped", job.calendarsDone(),
                    job.calendarsTotal(), syncedPeople, outcomes(counts),
                    Texts.get(ok ? "people.jobCompleted" : "people.jobStopped"));
        }
        syncSucceeded = ok && !counts.containsKey("FAILED");
        FacesErrors.global(ok ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR, syncSummary);
        job = null;
    }

    /** What the last "Sync now" found, once it has finished; null before. */
    public String getSyncSummary() {
        return syncSummary;
    }

    public boolean isSyncSucceeded() {
        return syncSucceeded;
    }

    /** The job's counts in words: " (Synced: 3, Failed: 1)"; empty when it counted nothing. */
    private String outcomes(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        return counts.entrySet().stream()
                .map(count -> Texts.get("people.outcomeCount", formats.runOutcome(count.getKey()), count.getValue()))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    public SyncJobView getJob() {
        return job;
    }

    /** The person's newest invitation, or null when never invited. */
    public InvitationStatusView invitationOf(String personId) {
        return invitationStatus.get(personId);
    }

    public List<PersonView> getRows() {
        return rows;
    }

    public List<PersonView> getSelected() {
        return selected;
    }

    public void setSelected(List<PersonView> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }
}
