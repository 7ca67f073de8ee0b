package org.calsync.application.sessions;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.SessionTime;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.tenant.OnlineMeetingKind;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * Use cases on training sessions. Each public method is one transaction; a domain exception rolls it
 * back, so invalid input stores nothing. Every change plans its push work in that same transaction. (CDI transactions rather than EJB, so domain exceptions reach
 * callers unwrapped.)
 */
@ApplicationScoped
@Transactional
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class.getName());

    @Inject
    private TrainingSessionRepository sessions;

    @Inject
    private PersonRepository people;

    @Inject
    private TenantRepository tenants;

    @Inject
    private PushPlanner push;

    /**
     * The online meeting a session asks for, as an admin or the platform chose it: a kind, or none (null). Not
     * choosing at all is no {@code MeetingChoice}: a new session then asks for the tenant's default, a revised one
     * keeps what it asked for.
     */
    public record MeetingChoice(OnlineMeetingKind kind) {
    }

    public TrainingSession create(TenantId tenant, SessionDetails details, SessionTime time, SessionState state) {
        return create(tenant, details, time, state, null);
    }

    public TrainingSession create(TenantId tenant, SessionDetails details, SessionTime time, SessionState state,
            MeetingChoice meeting) {
        TrainingSession session = new TrainingSession(tenant, details, time, state);
        session.requestOnlineMeeting(meeting != null ? meeting.kind()
                : tenants.find(tenant).map(t -> t.settings().defaultOnlineMeeting()).orElse(null));
        sessions.add(session);
        push.reviewMeetingHost(session);
        LOG.info(() -> "tenant=" + tenant + " created session " + session.id());
        return session;
    }

    public TrainingSession revise(TenantId tenant, String sessionId, SessionDetails details, SessionTime time) {
        return revise(tenant, sessionId, details, time, null);
    }

    /** Moving or changing the session keeps its meeting: the lead instructor's event is updated, not made anew. */
    public TrainingSession revise(TenantId tenant, String sessionId, SessionDetails details, SessionTime time,
            MeetingChoice meeting) {
        TrainingSession session = find(tenant, sessionId);
        session.revise(details, time);
        if (meeting != null) {
            session.requestOnlineMeeting(meeting.kind());
        }
        push.everyoneOn(session);
        return session;
    }

    public TrainingSession activate(TenantId tenant, String sessionId) {
        TrainingSession session = find(tenant, sessionId);
        session.activate();
        push.everyoneOn(session);
        return session;
    }

    public TrainingSession cancel(TenantId tenant, String sessionId) {
        TrainingSession session = find(tenant, sessionId);
        session.cancel();
        push.everyoneOn(session);
        LOG.info(() -> "tenant=" + tenant + " cancelled session " + sessionId);
        return session;
    }

    /** Every event of the session names its instructors, so everyone on it is written again. */
    public TrainingSession assignInstructor(TenantId tenant, String sessionId, String personId) {
        TrainingSession session = withPerson(tenant, sessionId, personId, TrainingSession::assignInstructor);
        push.everyoneOnAnd(session, personId);
        return session;
    }

    /** As for assigning: the others' events stop naming the instructor, whose own event goes. */
    public TrainingSession unassignInstructor(TenantId tenant, String sessionId, String personId) {
        TrainingSession session = withPerson(tenant, sessionId, personId, TrainingSession::unassignInstructor);
        push.everyoneOnAnd(session, personId);
        return session;
    }

    public TrainingSession register(TenantId tenant, String sessionId, String personId) {
        TrainingSession session = withPerson(tenant, sessionId, personId, TrainingSession::register);
        push.plan(tenant, session.id(), List.of(personId));
        return session;
    }

    /**
     * Registers a class list in one transaction: all of it or, when an id is of no one in the organisation, none
     * of it. Only the people added get an event or an email.
     */
    public TrainingSession registerAll(TenantId tenant, String sessionId, List<String> personIds) {
        TrainingSession session = sessions.findForChange(tenant, sessionId)
                .orElseThrow(() -> new UnknownEntityException("session", sessionId));
        Set<String> wanted = new LinkedHashSet<>(personIds);
        Map<String, Person> found = people.findAll(tenant, wanted).stream()
                .collect(Collectors.toMap(Person::id, person -> person));
        wanted.stream().filter(id -> !found.containsKey(id)).findFirst().ifPresent(unknown -> {
            throw new InvalidInputException("personIds", "person.unknownId", unknown);
        });
        List<Person> added = session.registerAll(wanted.stream().map(found::get).toList());
        if (!added.isEmpty()) {
            push.plan(tenant, session.id(), added.stream().map(Person::id).toList());
        }
        return session;
    }

    public TrainingSession unregister(TenantId tenant, String sessionId, String personId) {
        TrainingSession session = withPerson(tenant, sessionId, personId, TrainingSession::unregister);
        push.plan(tenant, session.id(), List.of(personId));
        return session;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TrainingSession find(TenantId tenant, String sessionId) {
        return sessions.find(tenant, sessionId).orElseThrow(() -> new UnknownEntityException("session", sessionId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrainingSession> list(TenantId tenant, Instant from, Instant to) {
        return sessions.list(tenant, from, to);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrainingSession> listForPerson(TenantId tenant, String personId, Instant from, Instant to) {
        return sessions.listForPerson(tenant, personId, from, to);
    }

    /** Loads the session and the person, both of this tenant, and applies one change between them. */
    private TrainingSession withPerson(TenantId tenant, String sessionId, String personId,
            BiConsumer<TrainingSession, Person> change) {
        TrainingSession session = sessions.findForChange(tenant, sessionId)
                .orElseThrow(() -> new UnknownEntityException("session", sessionId));
        // An id of another tenant reads exactly like an unknown id.
        Person person = people.find(tenant, personId == null ? "" : personId)
                .orElseThrow(() -> new InvalidInputException("personId", "person.unknown"));
        change.accept(session, person);
        return session;
    }
}
