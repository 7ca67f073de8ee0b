package org.calsync.interfaces.web.portal;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.CalendarFacade;
import org.calsync.interfaces.facade.SessionFacade;
import org.calsync.interfaces.facade.SyncFacade;
import org.calsync.interfaces.facade.dto.BusyBlockView;
import org.calsync.interfaces.facade.dto.PersonRef;
import org.calsync.interfaces.facade.dto.SessionView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Formats;
import org.calsync.interfaces.web.Texts;
import org.primefaces.event.SelectEvent;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleEvent;
import org.primefaces.model.ScheduleModel;

/**
 * The portal calendar, in the person's own time zone: their sessions, and the busy times read back from the
 * calendars they linked, each saying where it came from.
 */
@Named
@ViewScoped
public class MyCalendar implements Serializable {

    @Inject
    private SessionFacade sessions;

    @Inject
    private SyncFacade sync;

    @Inject
    private CurrentUser user;

    @Inject
    private Formats formats;

    @Inject
    private CalendarFacade calendars;

    private String tenantId;
    private String personId;
    private String zone;
    private ScheduleModel model;
    private List<SessionView> upcoming = List.of();
    private LocalDate initialDate;
    private EventDetail selected;
    /** A session to open on arrival (?session=…), after linking a calendar from it, say. */
    private String requestedSession;
    private boolean openOnArrival;
    /** The person has no linked calendar but may link one: a session they open offers to. */
    private boolean mayConnect;
    /** The person's answer to each upcoming or selected session, as the answer buttons show and set it. */
    private final Map<String, String> answers = new HashMap<>();

    /**
     * What the detail popup shows for the event clicked: its title, when it is in the viewer's zone, and either
     * the session's role, venue and meeting link or the calendar a busy time came from.
     */
    public record EventDetail(String title, String when, String kind, String venue, String meetingLink, String source,
            String sessionId) implements Serializable {

        /** Whether the person can answer it here: a session that is not cancelled. */
        public boolean isAnswerable() {
            return sessionId != null;
        }
    }

    @PostConstruct
    void init() {
        tenantId = user.getTenantId();
        personId = user.getPersonId();
        zone = user.getTimeZone();
        model = new LazyScheduleModel() {
            @Override
            public void loadEvents(LocalDateTime start, LocalDateTime end) {
                ZoneId personZone = ZoneId.of(zone);
                for (SessionView session : sessions.listForPerson(tenantId, personId,
                        start.atZone(personZone).toInstant(), end.atZone(personZone).toInstant())) {
                    addEvent(event(session, personZone));
                }
                for (BusyBlockView block : sync.busyTimes(tenantId, personId, start.atZone(personZone).toInstant(),
                        end.atZone(personZone).toInstant())) {
                    addEvent(busy(block, personZone));
                }
            }
        };
        loadUpcoming();
        mayConnect = calendars.accountsOf(tenantId, personId, Texts.language()).isEmpty()
                && !calendars.linkableProviders(tenantId, personId).isEmpty();
    }

    /**
     * Opens the session asked for in the address on its week, with its detail shown, when the person teaches or
     * attends it; after a calendar was linked from that session, says so.
     */
    public void openRequested() {
        if (requestedSession == null || !requestedSession.matches("[0-9a-fA-F-]{36}")) {
            return;
        }
        try {
            SessionView session = sessions.get(tenantId, requestedSession);
            if (myPlace(session).isEmpty()) {
                return;
            }
            initialDate = LocalDateTime.ofInstant(session.startUtc(), ZoneId.of(zone)).toLocalDate();
            selected = detailOf(session);
            rememberAnswer(session);
            openOnArrival = true;
            if ("true".equals(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                    .get("connected"))) {
                FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("myCalendar.connectedFromSession",
                        session.courseTitle()));
            }
        } catch (RuntimeException unknownOrGone) {
            // another tenant's, or deleted since: the calendar opens as usual
        }
    }

    private void loadUpcoming() {
        Instant now = Instant.now();
        upcoming = sessions.listForPerson(tenantId, personId, now, now.plus(56, ChronoUnit.DAYS));
        upcoming.forEach(this::rememberAnswer);
    }

    private void rememberAnswer(SessionView session) {
        myPlace(session).ifPresent(me -> answers.put(session.id(), me.answered() ? me.response() : null));
    }

    /** The viewer on the session, with their answer; empty once they no longer teach or attend it. */
    private Optional<PersonRef> myPlace(SessionView session) {
        return Stream.concat(session.instructors().stream(), session.learners().stream())
                .filter(p -> p.id().equals(personId)).findFirst();
    }

    /** Records the answer just chosen for the session, and says what it did. */
    public void answer(String sessionId) {
        String response = answers.get(sessionId);
        if (response == null) {
            return;
        }
        try {
            SessionView after = sessions.answerInPortal(tenantId, sessionId, personId, response);
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get(myPlace(after).isPresent() ? "myCalendar.answerSaved"
                    : "myCalendar.declinedAndUnregistered", after.courseTitle()));
            loadUpcoming();
        } catch (RuntimeException e) {
            FacesErrors.show("upcomingForm", e);
        }
    }

    public Map<String, String> getAnswers() {
        return answers;
    }

    private DefaultScheduleEvent<SessionView> event(SessionView session, ZoneId personZone) {
        boolean teaching = isTeaching(session);
        String styleClass = "CANCELLED".equals(session.state()) ? "session-cancelled"
                : teaching ? "session-teaching" : "session-attending";
        return DefaultScheduleEvent.<SessionView>builder()
                .id(session.id())
                .title(session.courseTitle() + ("CANCELLED".equals(session.state())
                        ? " " + Texts.get("myCalendar.cancelledSuffix") : ""))
                .startDate(LocalDateTime.ofInstant(session.startUtc(), personZone))
                .endDate(LocalDateTime.ofInstant(session.endUtc(), personZone))
                .description(Texts.get("myCalendar.session") + (session.venue() != null ? ", " + session.venue()
                        : session.joinLink() != null ? ", " + Texts.get("myCalendar.online") : ""))
                .styleClass(styleClass)
                .editable(false)
                .data(session)
                .build();
    }

    /** Opens the detail of the event clicked in the calendar. */
    public void select(SelectEvent<ScheduleEvent<?>> event) {
        ScheduleEvent<?> clicked = event.getObject();
        if (clicked.getData() instanceof SessionView session) {
            selected = detailOf(session);
            rememberAnswer(session);
        } else if (clicked.getData() instanceof BusyBlockView block) {
            String when = block.allDay() ? formats.days(block.start(), block.end(), zone)
                    : formats.between(block.start(), block.end(), zone);
            selected = new EventDetail(block.title(), when, Texts.get("myCalendar.busy"), null, null,
                    Texts.get("myCalendar.busyFrom", Texts.get("provider." + block.provider()), block.calendar()), null);
        } else {
            selected = null;
        }
    }

    private EventDetail detailOf(SessionView session) {
        String kind = "CANCELLED".equals(session.state()) ? Texts.get("myCalendar.cancelled")
                : isTeaching(session) ? Texts.get("myCalendar.teaching") : Texts.get("myCalendar.attending");
        boolean cancelled = "CANCELLED".equals(session.state());
        return new EventDetail(session.courseTitle(), formats.between(session.startUtc(), session.endUtc(), zone),
                kind, session.venue(), session.joinLink(), null, cancelled ? null : session.id());
    }

    /** The open session could be in the person's own calendar: they have none linked yet, and may link one. */
    public boolean isOfferingToConnect() {
        return mayConnect && selected != null && selected.isAnswerable();
    }

    public String getRequestedSession() {
        return requestedSession;
    }

    public void setRequestedSession(String requestedSession) {
        this.requestedSession = requestedSession;
    }

    public boolean isOpenOnArrival() {
        return openOnArrival;
    }

    public EventDetail getSelected() {
        return selected;
    }

    /** All-day blocks were read as midnight to midnight in the person's zone, so they stay whole days here. */
    private static DefaultScheduleEvent<BusyBlockView> busy(BusyBlockView block, ZoneId personZone) {
        return DefaultScheduleEvent.<BusyBlockView>builder()
                .title(block.title())
                .description(Texts.get("myCalendar.busyFrom", Texts.get("provider." + block.provider()), block.calendar()))
                .startDate(LocalDateTime.ofInstant(block.start(), personZone))
                .endDate(LocalDateTime.ofInstant(block.end(), personZone))
                .allDay(block.allDay())
                .styleClass("busy-external")
                .editable(false)
                .data(block)
                .build();
    }

    /** The day the calendar opens on (?date=2026-05-04); today when absent. */
    public LocalDate getInitialDate() {
        return initialDate;
    }

    public void setInitialDate(LocalDate initialDate) {
        this.initialDate = initialDate;
    }

    public ScheduleModel getModel() {
        return model;
    }

    public String getZone() {
        return zone;
    }

    public List<SessionView> getUpcoming() {
        return upcoming;
    }

    public boolean isTeaching(SessionView session) {
        return session.instructors().stream().map(PersonRef::id).anyMatch(personId::equals);
    }
}
