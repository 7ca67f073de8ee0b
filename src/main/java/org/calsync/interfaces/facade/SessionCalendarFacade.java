package org.calsync.interfaces.facade;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.sessions.SessionCalendars;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.interfaces.facade.dto.InstructorCalendarsView;
import org.calsync.interfaces.facade.dto.SessionCalendarView;

/** The calendar each session goes to, for the portal's session popup, the console's session page and the API. */
@ApplicationScoped
@Transactional
public class SessionCalendarFacade {

    @Inject
    private SessionCalendars calendars;

    /** The person's accounts, each with the calendar that receives the session. */
    public List<SessionCalendarView> of(String tenantId, String sessionId, String personId) {
        return calendars.choices(new TenantId(tenantId), sessionId, personId).stream()
                .map(SessionCalendarFacade::view).toList();
    }

    /** The session's instructors, each with their accounts' calendars for it. */
    public List<InstructorCalendarsView> ofInstructors(String tenantId, String sessionId) {
        return calendars.forInstructors(new TenantId(tenantId), sessionId).entrySet().stream()
                .map(entry -> new InstructorCalendarsView(entry.getKey().id(), entry.getKey().displayName(),
                        entry.getValue().stream().map(SessionCalendarFacade::view).toList()))
                .toList();
    }

    /** Sends the session to this calendar of the account; a null or blank calendar goes back to the usual one. */
    public SessionCalendarView choose(String tenantId, String sessionId, String personId, String accountId,
            String calendarId) {
        return view(calendars.choose(new TenantId(tenantId), sessionId, personId, accountId, calendarId));
    }

    private static SessionCalendarView view(SessionCalendars.AccountChoice choice) {
        return new SessionCalendarView(choice.account().id(), CalendarFacade.shownAs(choice.account()),
                choice.account().username(), choice.receiving().map(ExternalCalendar::id).orElse(null),
                choice.usualTarget().map(ExternalCalendar::id).orElse(null), choice.chosen().isPresent(),
                choice.choosable().stream().map(c -> new SessionCalendarView.Option(c.id(), c.displayName())).toList());
    }
}
