package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.domain.shared.UnknownEntityException;
import org.calsync.interfaces.facade.CalendarFacade;
import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.SyncFacade;
import org.calsync.interfaces.facade.dto.CalendarAccountView;
import org.calsync.interfaces.facade.dto.SyncRunView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Removals;
import org.calsync.interfaces.web.Texts;

/** One person's calendar sync: their accounts, each account's recent runs, sync now and remove. */
@Named
@ViewScoped
public class PersonSyncLog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PeopleFacade people;

    @Inject
    private CalendarFacade calendars;

    @Inject
    private SyncFacade sync;

    @Inject
    private CurrentUser user;

    private String personId;
    private String name;
    private boolean missing;
    private List<CalendarAccountView> accounts = List.of();
    private Map<String, List<SyncRunView>> runs = Map.of();

    public void load() {
        try {
            // Read through the admin's own tenant: an id from another tenant is simply not found.
            name = people.get(user.getTenantId(), personId).displayName();
            accounts = calendars.accountsOf(user.getTenantId(), personId, Texts.language());
            Map<String, List<SyncRunView>> byAccount = new LinkedHashMap<>();
            accounts.forEach(account -> byAccount.put(account.id(), sync.log(user.getTenantId(), account.id(), Texts.language())));
            runs = byAccount;
        } catch (UnknownEntityException | IllegalArgumentException e) {
            missing = true;
        }
    }

    public void syncNow() {
        List<SyncRunView> done = sync.syncNow(user.getTenantId(), personId, Texts.language());
        long problems = done.stream().filter(run -> !"OK".equals(run.outcome())).count();
        FacesErrors.global(problems == 0 ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN, problems == 0
                ? Texts.get("syncLog.synced", done.size()) : Texts.get("syncLog.syncedWithProblems", done.size(), problems));
        load();
    }

    public void remove(CalendarAccountView account) {
        Removals.removeAndSay(calendars, user.getTenantId(), account.id());
        load();
    }

    /** The calendar's name for a log entry, or its id if the calendar is gone. */
    public String calendarName(CalendarAccountView account, String calendarId) {
        return account.calendars().stream().filter(calendar -> calendar.id().equals(calendarId))
                .map(calendar -> calendar.name()).findFirst().orElse(calendarId);
    }

    public List<SyncRunView> runsOf(String accountId) {
        return runs.getOrDefault(accountId, new ArrayList<>());
    }

    public String getPersonId() {
        return personId;
    }

    public void setPersonId(String personId) {
        this.personId = personId;
    }

    public String getName() {
        return name;
    }

    public boolean isMissing() {
        return missing;
    }

    public List<CalendarAccountView> getAccounts() {
        return accounts;
    }
}
