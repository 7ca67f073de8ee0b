package org.calsync.interfaces.web.console;

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
import org.calsync.interfaces.facade.dto.InstructorCalendarsView;
import org.calsync.interfaces.facade.dto.SessionCalendarView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.SessionCalendarMenus;

/**
 * On the console's session page: which calendar of each instructor's accounts receives the session, and another
 * one chosen for them, for this session alone.
 */
@Named
@ViewScoped
public class InstructorCalendars implements Serializable {

    @Inject
    private SessionCalendarFacade calendars;

    @Inject
    private CurrentUser user;

    /** One instructor's account; {@code account} is null for an instructor who linked none. */
    public record Row(String personId, String displayName, SessionCalendarView account) implements Serializable {
    }

    private String sessionId;
    private List<Row> rows = List.of();
    /** The calendar each account shows as chosen, keyed by account id, as the menus show and set it. */
    private final Map<String, String> chosen = new HashMap<>();

    /** The session's instructors and their accounts, read again after the instructors changed. */
    public List<Row> rows(String forSessionId, int instructorCount) {
        if (forSessionId == null) {
            return List.of();
        }
        if (!forSessionId.equals(sessionId) || rows.stream().map(Row::personId).distinct().count() != instructorCount) {
            load(forSessionId);
        }
        return rows;
    }

    private void load(String forSessionId) {
        sessionId = forSessionId;
        rows = new ArrayList<>();
        chosen.clear();
        for (InstructorCalendarsView instructor : calendars.ofInstructors(user.getTenantId(), forSessionId)) {
            if (instructor.accounts().isEmpty()) {
                rows.add(new Row(instructor.personId(), instructor.displayName(), null));
            }
            for (SessionCalendarView account : instructor.accounts()) {
                rows.add(new Row(instructor.personId(), instructor.displayName(), account));
                chosen.put(account.accountId(), account.calendarId());
            }
        }
    }

    public void choose(Row row) {
        try {
            SessionCalendarView after = calendars.choose(user.getTenantId(), sessionId, row.personId(),
                    row.account().accountId(), chosen.get(row.account().accountId()));
            rows.replaceAll(r -> r == row ? new Row(r.personId(), r.displayName(), after) : r);
            FacesErrors.global(FacesMessage.SEVERITY_INFO, SessionCalendarMenus.whereItGoes(after, row.displayName()));
        } catch (RuntimeException e) {
            FacesErrors.show("sessionForm", e);
            load(sessionId);
        }
    }

    public List<SelectItem> options(SessionCalendarView account) {
        return SessionCalendarMenus.options(account);
    }

    public Map<String, String> getChosen() {
        return chosen;
    }
}
