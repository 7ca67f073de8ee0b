package org.calsync.application.pull;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.sessions.PushPlanner;
import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.EventLink;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.SessionTime;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.sync.AdminAlert;
import org.calsync.domain.model.sync.AdminAlertRepository;
import org.calsync.domain.model.sync.SyncNote;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;

/**
 * What an edit to one of CalSync's events in a person's own calendar means for the platform.
 * <ul>
 * <li>One-way tenants: nothing; the event is written back.</li>
 * <li>Two-way, deleted by a learner before the cancellation deadline: the learner is unregistered. After it,
 * the admin is asked and the event is written back.</li>
 * <li>Two-way, deleted by an instructor: the admin is flagged; the instructor is not silently unassigned.</li>
 * <li>Two-way, moved by the person who owns the session (its lead instructor, or either side of a one-to-one
 * review): the session moves and everyone's event follows. Any other move is written back.</li>
 * </ul>
 * Each method returns what it did: a note for the sync log, and whether the change came into CalSync or the event was
 * written back, which the run counts as a change in or out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TwoWayRules {

    private static final Logger LOG = Logger.getLogger(TwoWayRules.class.getName());

    private final TrainingSessionRepository sessions;
    private final PersonRepository people;
    private final AdminAlertRepository alerts;
    private final PushPlanner push;
    /** Says whether a learner's delete came before the session's cancellation deadline. */
    private final Clock clock;

    @Inject
    public TwoWayRules(TrainingSessionRepository sessions, PersonRepository people, AdminAlertRepository alerts,
            PushPlanner push) {
        this(sessions, people, alerts, push, Clock.systemUTC());
    }

    TwoWayRules(TrainingSessionRepository sessions, PersonRepository people, AdminAlertRepository alerts,
            PushPlanner push, Clock clock) {
        this.sessions = sessions;
        this.people = people;
        this.alerts = alerts;
        this.push = push;
        this.clock = clock;
    }

    /** For the container's proxy only. */
    protected TwoWayRules() {
        this(null, null, null, null, null);
    }

    /** What one edit led to: the sync log's note, and whether CalSync took the change (in) or wrote back (out). */
    public record Verdict(SyncNote note, boolean takenIn) {
    }

    public Verdict deleted(Tenant tenant, EventLink link) {
        TenantId tenantId = tenant.id();
        Optional<TrainingSession> session = sessions.find(tenantId, link.sessionId());
        Optional<Person> person = people.find(tenantId, link.personId());
        if (tenant.settings().direction() == SyncDirection.ONE_WAY || session.isEmpty() || person.isEmpty()
                || session.get().state() != SessionState.ACTIVE) {
            return restore(link, SyncNote.of(SyncNote.Kind.DELETED_WRITTEN_BACK));
        }
        TrainingSession course = session.get();
        Person who = person.get();
        if (course.isInstructor(who)) {
            alert(tenantId, AdminAlert.Kind.INSTRUCTOR_DELETED, course, who, link,
                    SyncNote.by(SyncNote.Kind.ALERT_INSTRUCTOR_DELETED, who.displayName(), course.courseTitle()));
            return restore(link, SyncNote.by(SyncNote.Kind.INSTRUCTOR_DELETED, who.displayName()));
        }
        if (course.cancellableAt(clock.instant(), tenant.settings().cancellationDeadlineHours())) {
            course.unregister(who);
            LOG.info(() -> "tenant=" + tenantId + " unregistered person " + who.id() + " from session " + course.id()
                    + " after they deleted its event");
            return new Verdict(SyncNote.by(SyncNote.Kind.LEARNER_UNREGISTERED, who.displayName(), course.courseTitle()),
                    true);
        }
        alert(tenantId, AdminAlert.Kind.LEARNER_CANCELLED_LATE, course, who, link,
                SyncNote.by(SyncNote.Kind.ALERT_LATE_CANCELLATION, who.displayName(), course.courseTitle()));
        return restore(link, SyncNote.by(SyncNote.Kind.LATE_CANCELLATION, who.displayName()));
    }

    public Verdict changed(Tenant tenant, EventLink link, RemoteEvent event) {
        TenantId tenantId = tenant.id();
        Optional<TrainingSession> session = sessions.find(tenantId, link.sessionId());
        Optional<Person> person = people.find(tenantId, link.personId());
        link.editedElsewhere(event.version());
        if (tenant.settings().direction() == SyncDirection.ONE_WAY || session.isEmpty() || person.isEmpty()
                || event.busy().isEmpty() || session.get().state() != SessionState.ACTIVE) {
            return restore(link, SyncNote.of(SyncNote.Kind.EDITED_WRITTEN_BACK));
        }
        TrainingSession course = session.get();
        BusyInterval now = event.busy().get(0);
        boolean moved = !now.start().equals(course.time().start()) || !now.end().equals(course.time().end());
        if (!moved) {
            return restore(link, SyncNote.of(SyncNote.Kind.EDITED_WRITTEN_BACK));
        }
        if (!owns(course, person.get())) {
            return restore(link, SyncNote.by(SyncNote.Kind.MOVED_BY_NON_OWNER, person.get().displayName()));
        }
        course.revise(new SessionDetails(course.courseTitle(), course.venue(), course.meetingLink(), course.description()),
                SessionTime.ofInstants(now.start(), now.end(), course.time().zone()));
        push.everyoneOn(course);
        return new Verdict(SyncNote.sessionMoved(person.get().displayName(), course.courseTitle(),
                course.time().localStart().toLocalDateTime()), true);
    }

    /** The lead (first assigned) instructor owns a session; either person owns a one-to-one review. */
    static boolean owns(TrainingSession session, Person person) {
        boolean lead = !session.assignments().isEmpty() && session.assignments().get(0).person().equals(person);
        boolean oneToOne = session.assignments().size() == 1 && session.registrations().size() == 1
                && (session.isInstructor(person) || session.isRegistered(person));
        return lead || oneToOne;
    }

    private Verdict restore(EventLink link, SyncNote what) {
        push.plan(link.tenantId(), link.sessionId(), List.of(link.personId()));
        return new Verdict(what, false);
    }

    private void alert(TenantId tenantId, AdminAlert.Kind kind, TrainingSession session, Person person, EventLink link,
            SyncNote note) {
        alerts.add(AdminAlert.aboutSession(tenantId, kind, session.id(), person.id(), link.calendar(), note));
        LOG.warning(() -> "tenant=" + tenantId + " admin alert: " + note);
    }
}
