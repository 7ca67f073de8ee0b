package org.calsync.interfaces.web.portal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.SessionCalendarFacade;
import org.calsync.interfaces.facade.dto.SessionCalendarView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.SessionCalendarMenus;

/**
 * In the portal's session popup: which calendar of each of the person's accounts receives that session, and a
 * choice of another one for it alone.
 */
@Named
@ViewScoped
public class MySessionCalendars implements Serializable {

    @Inject
    private SessionCalendarFacade calendars;

    @Inject
    private CurrentUser user;

    private String sessionId;
    private List<SessionCalendarView> accounts = List.of();
    /** The calendar each account shows as chosen, keyed by account id, as the menus show and set it. */
    private final Map<String, String> chosen = new HashMap<>();

    /** The person's accounts for the session open in the popup; read once each time another session opens. */
    public List<SessionCalendarView> of(String openSessionId) {
        if (openSessionId == null) {
            return List.of();
        }
        if (!openSessionId.equals(sessionId)) {
            load(openSessionId);
        }
        return accounts;
    }

    private void load(String openSessionId) {
        sessionId = openSessionId;
        try {
            accounts = new ArrayList<>(calendars.of(user.getTenantId(), openSessionId, user.getPersonId()));
        } catch (RuntimeException notOnItAnyMore) {
            accounts = List.of();
        }
        chosen.clear();
        accounts.forEach(account -> chosen.put(account.accountId(), account.calendarId()));
    }

    /** Sends the open session to the calendar just chosen in this account, and says where it goes now. */
    public void choose(String accountId) {
        try {
            SessionCalendarView after = calendars.choose(user.getTenantId(), sessionId, user.getPersonId(), accountId,
                    chosen.get(accountId));
            accounts.replaceAll(account -> account.accountId().equals(accountId) ? after : account);
            FacesErrors.global(FacesMessage.SEVERITY_INFO, SessionCalendarMenus.whereItGoes(after, null));
        } catch (RuntimeException e) {
            FacesErrors.show("detailForm", e);
            load(sessionId);
        }
    }

    public Map<String, String> getChosen() {
        return chosen;
    }

    public List<SelectItem> options(SessionCalendarView account) {
        return SessionCalendarMenus.options(account);
    }
}
