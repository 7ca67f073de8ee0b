package org.calsync.interfaces.facade;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.planning.AssignmentConflicts;
import org.calsync.application.planning.Availability;
import org.calsync.application.sessions.Responses;
import org.calsync.application.sessions.SessionService;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.session.AttendanceResponse;
import org.calsync.domain.model.session.OnlineMeetingProblem;
import org.calsync.domain.model.session.ResponseCounts;
import org.calsync.domain.model.session.ResponseChannel;
import org.calsync.domain.model.session.ResponseRecord;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.SessionTime;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.tenant.OnlineMeetingKind;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.ConcurrentChanges;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Language;
import org.calsync.domain.shared.Message;
import org.calsync.domain.shared.Validation;
import org.calsync.interfaces.facade.dto.ConflictCheckView;
import org.calsync.interfaces.facade.dto.ConflictView;
import org.calsync.interfaces.facade.dto.PersonRef;
import org.calsync.interfaces.facade.dto.ResponseCountsView;
import org.calsync.interfaces.facade.dto.SessionForm;
import org.calsync.interfaces.facade.dto.SessionView;

/** Sessions for the console, the portal and the REST API: DTOs in, DTOs out, one transaction per call. */
@ApplicationScoped
@Transactional
public class SessionFacade {

    @Inject
    private SessionService sessions;

    @Inject
    private AssignmentConflicts conflicts;

    @Inject
    private Responses responses;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    public SessionView create(String tenantId, SessionForm form) {
        Validation validation = new Validation();
        SessionDetails details = validation.attempt(() -> details(form));
        SessionTime time = validation.attempt(() -> time(form));
        SessionState state = validation.attempt(() -> EnumInput.parse(SessionState.class, form.state(), "state"));
        validation.check(state != SessionState.CANCELLED, "state", "session.createdCancelled");
        SessionService.MeetingChoice meeting = validation.attempt(() -> meeting(form));
        validation.throwIfInvalid();
        return view(sessions.create(new TenantId(tenantId), details, time, state, meeting));
    }

    public SessionView update(String tenantId, String sessionId, SessionForm form) {
        Validation validation = new Validation();
        SessionDetails details = validation.attempt(() -> details(form));
        SessionTime time = validation.attempt(() -> time(form));
        SessionService.MeetingChoice meeting = validation.attempt(() -> meeting(form));
        validation.throwIfInvalid();
        return view(sessions.revise(new TenantId(tenantId), sessionId, details, time, meeting));
    }

    public SessionView activate(String tenantId, String sessionId) {
        return view(sessions.activate(new TenantId(tenantId), sessionId));
    }

    public SessionView cancel(String tenantId, String sessionId) {
        return view(sessions.cancel(new TenantId(tenantId), sessionId));
    }

    /** Assignments, like registrations, are retried when they lose a race with another change of the session. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SessionView assignInstructor(String tenantId, String sessionId, String personId) {
        TenantId tenant = new TenantId(tenantId);
        return view(ConcurrentChanges.retried(() -> sessions.assignInstructor(tenant, sessionId, personId)));
    }

    /**
     * What the person is already doing while the session runs, in the session's local time. Outside any
     * transaction: Exchange may be asked for free/busy.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<ConflictView> conflicts(String tenantId, String sessionId, String personId) {
        return check(tenantId, sessionId, personId).conflicts();
    }

    /** The person's conflicts while the session runs, and whether "none" means free or that nobody knows. */
    public ConflictCheckView check(String tenantId, String sessionId, String personId) {
        TenantId tenant = new TenantId(tenantId);
        TrainingSession session = sessions.find(tenant, sessionId);
        ZoneId zone = session.time().zone();
        AssignmentConflicts.Found found = conflicts.of(tenant, session, personId);
        return new ConflictCheckView(found.conflicts().stream().map(conflict -> view(conflict, found.source(), zone))
                .toList(),
                found.source().known() ? ConflictCheckView.Knowledge.KNOWN
                        : found.source().origin() == Availability.Source.Origin.NOT_READ_YET
                                ? ConflictCheckView.Knowledge.NOT_READ_YET
                        : ConflictCheckView.Knowledge.NO_CALENDAR);
    }

    private static ConflictView view(AssignmentConflicts.Conflict conflict, Availability.Source source, ZoneId zone) {
        ZonedDateTime start = conflict.start().atZone(zone);
        ZonedDateTime end = conflict.end().atZone(zone);
        String when = conflict.allDay() ? "All day" : CLOCK.format(start) + "–" + CLOCK.format(end);
        if (!start.toLocalDate().equals(end.toLocalDate()) && !conflict.allDay()) {
            when = DAY_AND_CLOCK.format(start) + " – " + DAY_AND_CLOCK.format(end);
        }
        // A calendar's name, or "Exchange free/busy"; another session is named by its title already.
        String origin = conflict.kind() == AssignmentConflicts.Kind.SESSION ? "Session" : conflict.source();
        String kind = conflict.kind() == AssignmentConflicts.Kind.ORGANISATION_FREE_BUSY ? source.apiName()
                : conflict.kind().name();
        return new ConflictView(kind, when, conflict.title(), origin, conflict.allDay());
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SessionView unassignInstructor(String tenantId, String sessionId, String personId) {
        TenantId tenant = new TenantId(tenantId);
        return view(ConcurrentChanges.retried(() -> sessions.unassignInstructor(tenant, sessionId, personId)));
    }

    /** A class list in one go; retried like a single registration when another change of the session won. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SessionView registerAll(String tenantId, String sessionId, List<String> personIds) {
        TenantId tenant = new TenantId(tenantId);
        return view(ConcurrentChanges.retried(() -> sessions.registerAll(tenant, sessionId, personIds)));
    }

    /**
     * A class registering at once, through one instance or several, all get in: a registration that lost a race
     * with another change of the session is made again, each try in a transaction of its own.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SessionView register(String tenantId, String sessionId, String personId) {
        return view(ConcurrentChanges.retried(() -> sessions.register(new TenantId(tenantId), sessionId, personId)));
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SessionView unregister(String tenantId, String sessionId, String personId) {
        return view(ConcurrentChanges.retried(() -> sessions.unregister(new TenantId(tenantId), sessionId, personId)));
    }

    /** A person's answer to the session's invitation, given in the portal. */
    public SessionView answerInPortal(String tenantId, String sessionId, String personId, String response) {
        return answer(tenantId, sessionId, personId, response, ResponseChannel.PORTAL);
    }

    /** A person's answer to the session's invitation, given through the host platform. */
    public SessionView answerThroughApi(String tenantId, String sessionId, String personId, String response) {
        return answer(tenantId, sessionId, personId, response, ResponseChannel.API);
    }

    /**
     * Records the answer and applies the organisation's rules to a decline. An answer from someone not on the
     * session is refused.
     */
    private SessionView answer(String tenantId, String sessionId, String personId, String response,
            ResponseChannel via) {
        TenantId tenant = new TenantId(tenantId);
        AttendanceResponse answer = EnumInput.parse(AttendanceResponse.class, response, "response");
        if (responses.record(tenant, sessionId, personId, answer, via, Instant.now())
                == Responses.Outcome.NOT_ON_SESSION) {
            throw new InvalidInputException("personId", "session.notOnSession", personId);
        }
        return view(sessions.find(tenant, sessionId));
    }

    public SessionView get(String tenantId, String sessionId) {
        return view(sessions.find(new TenantId(tenantId), sessionId));
    }

    public List<SessionView> list(String tenantId, Instant from, Instant to) {
        return sessions.list(new TenantId(tenantId), from, to).stream().map(SessionFacade::view).toList();
    }

    public List<SessionView> listForPerson(String tenantId, String personId, Instant from, Instant to) {
        return sessions.listForPerson(new TenantId(tenantId), personId, from, to).stream()
                .map(SessionFacade::view).toList();
    }

    private static SessionDetails details(SessionForm form) {
        return new SessionDetails(form.courseTitle(), form.venue(), form.meetingLink(), form.description());
    }

    /** NONE asks for no meeting; an absent choice is no choice at all. */
    private static SessionService.MeetingChoice meeting(SessionForm form) {
        if (form.onlineMeeting() == null || form.onlineMeeting().isBlank()) {
            return null;
        }
        return new SessionService.MeetingChoice("NONE".equals(form.onlineMeeting()) ? null
                : EnumInput.parse(OnlineMeetingKind.class, form.onlineMeeting(), "onlineMeeting"));
    }

    private static SessionTime time(SessionForm form) {
        return SessionTime.ofLocal(form.start(), form.end(), form.timeZone());
    }

    static SessionView view(TrainingSession session) {
        SessionTime time = session.time();
        return new SessionView(session.id(), session.courseTitle(),
                time.localStart().toLocalDateTime(), time.localEnd().toLocalDateTime(), time.zone().getId(),
                time.start(), time.end(), session.venue(), session.meetingLink(),
                session.onlineMeeting() == null ? null : session.onlineMeeting().name(), session.joinLink(),
                session.meetingProblem().map(Enum::name).orElse(null),
                session.meetingProblem().map(problem -> meetingProblemText(session, problem).english()).orElse(null),
                session.description(),
                session.state().name(),
                session.assignments().stream().map(a -> ref(a.person(), a.response())).toList(),
                session.registrations().stream().map(r -> ref(r.person(), r.response())).toList(),
                counts(session.responseCounts()), session.version());
    }

    /** Why the session's meeting is not generated yet, in the reader's words; null when nothing is wrong. */
    public String meetingProblem(String tenantId, String sessionId, Language reader) {
        TrainingSession session = sessions.find(new TenantId(tenantId), sessionId);
        return session.meetingProblem().map(problem -> meetingProblemText(session, problem).in(reader.locale()))
                .orElse(null);
    }

    /** Why the session's meeting is not generated yet, in words that say what to do. */
    static Message meetingProblemText(TrainingSession session, OnlineMeetingProblem problem) {
        Message provider = Message.of("provider." + session.onlineMeeting().host().name());
        Message meeting = Message.of("onlineMeeting." + session.onlineMeeting().name());
        String lead = session.leadInstructor().map(Person::displayName).orElse("");
        return Message.of("onlineMeeting.problem." + problem.name(), meeting, lead, provider);
    }

    private static PersonRef ref(Person person, ResponseRecord response) {
        boolean answered = response.response() != AttendanceResponse.NO_ANSWER;
        return new PersonRef(person.id(), person.displayName(), person.email(), response.response().name(),
                answered ? response.respondedAt() : null,
                answered && response.respondedVia() != null ? response.respondedVia().name() : null);
    }

    private static ResponseCountsView counts(ResponseCounts counts) {
        return new ResponseCountsView(counts.accepted(), counts.tentative(), counts.declined(), counts.noAnswer());
    }
}
