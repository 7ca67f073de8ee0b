package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.domain.shared.UnknownEntityException;
import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.SessionFacade;
import org.calsync.interfaces.facade.TenantFacade;
import org.calsync.interfaces.facade.dto.ConflictCheckView;
import org.calsync.interfaces.facade.dto.ConflictView;
import org.calsync.interfaces.facade.dto.PersonRef;
import org.calsync.interfaces.facade.dto.PersonView;
import org.calsync.interfaces.facade.dto.SessionForm;
import org.calsync.interfaces.facade.dto.SessionView;
import org.calsync.interfaces.web.CurrentUser;
import org.calsync.interfaces.web.FacesErrors;
import org.calsync.interfaces.web.Texts;

/** Creates or edits one session, and assigns its instructors and learners. */
@Named
@ViewScoped
public class SessionEditor implements Serializable {

    private static final String FORM = "sessionForm";

    @Inject
    private SessionFacade sessions;

    @Inject
    private PeopleFacade people;

    @Inject
    private TenantFacade tenants;

    @Inject
    private CurrentUser user;

    private String id;
    private SessionView session;
    private boolean missing;

    private String courseTitle;
    private LocalDateTime start;
    private LocalDateTime end;
    private String timeZone;
    private String venue;
    private String meetingLink;
    private String description;
    /** NONE, TEAMS or GOOGLE_MEET; a new session starts with the organisation's default. */
    private String onlineMeeting;
    private String meetingProblem;
    private String initialState = "ACTIVE";

    private String instructorToAssign;
    private String learnerToRegister;
    private List<PersonView> instructorChoices = List.of();
    private Map<String, ConflictCheckView> conflicts = Map.of();
    private String conflictsAskedFor;
    private List<PersonView> learnerChoices = List.of();

    public void load() {
        if (id == null || id.isBlank()) {
            LocalDate tomorrow = LocalDate.now(ZoneId.of(user.getTimeZone())).plusDays(1);
            start = tomorrow.atTime(LocalTime.of(9, 0));
            end = tomorrow.atTime(LocalTime.of(10, 0));
            timeZone = user.getTimeZone();
            onlineMeeting = tenants.settings(user.getTenantId()).defaultOnlineMeeting();
            return;
        }
        try {
            show(sessions.get(user.getTenantId(), id));
        } catch (UnknownEntityException e) {
            missing = true;
            FacesErrors.global(FacesMessage.SEVERITY_ERROR, Texts.get("session.notInOrganisation"));
        }
    }

    public String save() {
        SessionForm form = new SessionForm(courseTitle, start, end, timeZone, venue, meetingLink, description,
                initialState, onlineMeeting);
        boolean creating = session == null;
        SessionView saved = attempt(() -> creating ? sessions.create(user.getTenantId(), form)
                : sessions.update(user.getTenantId(), session.id(), form));
        if (saved == null) {
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get(creating ? "session.created" : "session.saved"));
        return "/admin/session.xhtml?faces-redirect=true&id=" + saved.id();
    }

    public void cancelSession() {
        if (attempt(() -> sessions.cancel(user.getTenantId(), session.id())) != null) {
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("session.cancelled"));
        }
    }

    public void activate() {
        if (attempt(() -> sessions.activate(user.getTenantId(), session.id())) != null) {
            FacesErrors.global(FacesMessage.SEVERITY_INFO, Texts.get("session.activated"));
        }
    }

    /** Assigns even when the instructor is busy then, and says so: the admin may know better. */
    public void assignInstructor() {
        String assigned = instructorToAssign;
        if (attempt(() -> sessions.assignInstructor(user.getTenantId(), session.id(), assigned)) != null) {
            instructorToAssign = null;
            List<ConflictView> busy = conflictsOf(assigned);
            if (!busy.isEmpty()) {
                String name = session.instructors().stream().filter(p -> p.id().equals(assigned))
                        .map(PersonRef::displayName).findFirst().orElse(Texts.get("session.theInstructor"));
                FacesErrors.global(FacesMessage.SEVERITY_WARN, Texts.get("session.assignedButBusy", name,
                        busy.stream().map(this::summary).collect(Collectors.joining("; "))));
            }
        }
    }

    /** One conflict on a line: "15:00–16:00 Busy (chloe/work)". */
    private String summary(ConflictView conflict) {
        return whenOf(conflict) + " " + (conflict.title() == null ? Texts.get("session.busy") : conflict.title()) + " ("
                + sourceOf(conflict) + ")";
    }

    /** When a conflict is, in the page's language for a whole day. */
    public String whenOf(ConflictView conflict) {
        return conflict.allDay() ? Texts.get("session.allDay") : conflict.when();
    }

    /** Where a conflict comes from: a calendar's own name, or what CalSync calls the other sources. */
    public String sourceOf(ConflictView conflict) {
        return switch (conflict.kind()) {
            case "SESSION" -> Texts.get("session.fromSession");
            case "CALENDAR" -> conflict.source();
            default -> Texts.get("source." + conflict.kind());
        };
    }

    public void unassignInstructor(String personId) {
        attempt(() -> sessions.unassignInstructor(user.getTenantId(), session.id(), personId));
    }

    public void registerLearner() {
        if (attempt(() -> sessions.register(user.getTenantId(), session.id(), learnerToRegister)) != null) {
            learnerToRegister = null;
        }
    }

    public void unregisterLearner(String personId) {
        attempt(() -> sessions.unregister(user.getTenantId(), session.id(), personId));
    }

    /** Runs one facade call; on a domain error shows it beside its field and returns null. */
    private SessionView attempt(Supplier<SessionView> call) {
        try {
            SessionView result = call.get();
            show(result);
            return result;
        } catch (RuntimeException e) {
            FacesErrors.show(FORM, e);
            return null;
        }
    }

    private void show(SessionView view) {
        session = view;
        courseTitle = view.courseTitle();
        start = view.start();
        end = view.end();
        timeZone = view.timeZone();
        venue = view.venue();
        meetingLink = view.meetingLink();
        onlineMeeting = view.onlineMeeting() == null ? "NONE" : view.onlineMeeting();
        meetingProblem = view.onlineMeetingProblem() == null ? null
                : sessions.meetingProblem(user.getTenantId(), view.id(), Texts.language());
        description = view.description();
        Set<String> instructorIds = ids(view.instructors());
        Set<String> learnerIds = ids(view.learners());
        instructorChoices = people.instructors(user.getTenantId()).stream()
                .filter(p -> !instructorIds.contains(p.id())).toList();
        learnerChoices = people.list(user.getTenantId()).stream()
                .filter(p -> !learnerIds.contains(p.id()) && !instructorIds.contains(p.id())).toList();
        // Asked again only when who or when changed: registering a learner need not ask Exchange again.
        String asked = view.state() + view.startUtc() + view.endUtc() + new TreeSet<>(instructorIds);
        if (!asked.equals(conflictsAskedFor)) {
            conflictsAskedFor = asked;
            conflicts = "CANCELLED".equals(view.state()) ? Map.of() : view.instructors().stream().collect(Collectors.toMap(
                    PersonRef::id, p -> sessions.check(user.getTenantId(), view.id(), p.id())));
        }
    }

    /** What the instructor is already doing while the session runs; empty when free. */
    public List<ConflictView> conflictsOf(String personId) {
        ConflictCheckView check = conflicts.get(personId);
        return check == null ? List.of() : check.conflicts();
    }

    /** "Free", or why nobody can tell: no linked calendar, or one not read yet. Empty while there are conflicts. */
    public String availabilityOf(String personId) {
        ConflictCheckView check = conflicts.get(personId);
        if (check == null || !check.conflicts().isEmpty()) {
            return "";
        }
        return Texts.get("availability." + check.knowledge().name());
    }

    public boolean knownFree(String personId) {
        ConflictCheckView check = conflicts.get(personId);
        return check != null && check.free();
    }

    private static Set<String> ids(List<PersonRef> refs) {
        return refs.stream().map(PersonRef::id).collect(Collectors.toSet());
    }

    public boolean isNew() {
        return session == null;
    }

    public boolean isCancelled() {
        return session != null && "CANCELLED".equals(session.state());
    }

    public SessionView getSession() {
        return session;
    }

    public boolean isMissing() {
        return missing;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCourseTitle() {
        return courseTitle;
    }

    public void setCourseTitle(String courseTitle) {
        this.courseTitle = courseTitle;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public void setStart(LocalDateTime start) {
        this.start = start;
    }

    public LocalDateTime getEnd() {
        return end;
    }

    public void setEnd(LocalDateTime end) {
        this.end = end;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getMeetingLink() {
        return meetingLink;
    }

    public void setMeetingLink(String meetingLink) {
        this.meetingLink = meetingLink;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getInitialState() {
        return initialState;
    }

    public void setInitialState(String initialState) {
        this.initialState = initialState;
    }

    public String getInstructorToAssign() {
        return instructorToAssign;
    }

    public void setInstructorToAssign(String instructorToAssign) {
        this.instructorToAssign = instructorToAssign;
    }

    public String getLearnerToRegister() {
        return learnerToRegister;
    }

    public void setLearnerToRegister(String learnerToRegister) {
        this.learnerToRegister = learnerToRegister;
    }

    public List<PersonView> getInstructorChoices() {
        return instructorChoices;
    }

    public List<PersonView> getLearnerChoices() {
        return learnerChoices;
    }

    public String getOnlineMeeting() {
        return onlineMeeting;
    }

    public void setOnlineMeeting(String onlineMeeting) {
        this.onlineMeeting = onlineMeeting;
    }

    /** Why the meeting asked for is not generated yet, in the reader's language; null when nothing is wrong. */
    public String getMeetingProblem() {
        return meetingProblem;
    }

    /** The meeting CalSync generated, when the session gave no link of its own. */
    public String getGeneratedMeetingLink() {
        return session == null || session.meetingLink() != null ? null : session.joinLink();
    }
}
