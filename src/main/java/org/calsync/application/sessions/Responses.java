package org.calsync.application.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.session.AttendanceResponse;
import org.calsync.domain.model.session.ResponseChannel;
import org.calsync.domain.model.session.ResponseRecord;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.session.TrainingSessionRepository;
import org.calsync.domain.model.sync.AdminAlert;
import org.calsync.domain.model.sync.AdminAlertRepository;
import org.calsync.domain.model.sync.SyncNote;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;

/**
 * People's answers to their sessions' invitations, by email reply or in the portal, and what a decline leads to.
 * <ul>
 * <li>A learner who declines stays registered, unless the organisation chose that a decline unregisters: then
 * before the cancellation deadline they are unregistered (their calendars and mailbox get the cancellation), and
 * after it an admin is asked, as for a deleted event.</li>
 * <li>An instructor who declines stays assigned, and an admin is told.</li>
 * </ul>
 * Only a change of answer acts: the same decline read twice asks no admin twice.
 */
@ApplicationScoped
@Transactional
public class Responses {

    private static final Logger LOG = Logger.getLogger(Responses.class.getName());

    /** What an answer led to. */
    public enum Outcome {
        RECORDED,
        /** Already recorded, or older than the answer recorded. */
        UNCHANGED,
        /** A learner's decline before the deadline, where declines unregister. */
        UNREGISTERED,
        /** A decline an admin is asked about: an instructor's, or a learner's after the deadline. */
        ADMIN_ASKED,
        /** The person no longer teaches or attends it, or it is gone: nothing to answer. */
        NOT_ON_SESSION
    }

    private final TrainingSessionRepository sessions;
    private final PersonRepository people;
    private final TenantRepository tenants;
    private final AdminAlertRepository alerts;
    private final PushPlanner push;
    /** Says whether a decline came before the session's cancellation deadline. */
    private final Clock clock;

    @Inject
    public Responses(TrainingSessionRepository sessions, PersonRepository people, TenantRepository tenants,
            AdminAlertRepository alerts, PushPlanner push) {
        this(sessions, people, tenants, alerts, push, Clock.systemUTC());
    }

    Responses(TrainingSessionRepository sessions, PersonRepository people, TenantRepository tenants,
            AdminAlertRepository alerts, PushPlanner push, Clock clock) {
        this.sessions = sessions;
        this.people = people;
        this.tenants = tenants;
        this.alerts = alerts;
        this.push = push;
        this.clock = clock;
    }

    /** For the container's proxy only. */
    protected Responses() {
        this(null, null, null, null, null, null);
    }

    /** Records the person's answer, given at {@code at}, and applies the organisation's rules to a decline. */
    public Outcome record(TenantId tenantId, String sessionId, String personId, AttendanceResponse response,
            ResponseChannel via, Instant at) {
        Optional<TrainingSession> found = sessions.find(tenantId, sessionId);
        Optional<Person> answering = people.find(tenantId, personId);
        Optional<ResponseRecord> before = found.flatMap(s -> answering.flatMap(s::responseOf));
        if (before.isEmpty()) { // a reply may come after they left: not an error, and nothing to roll back
            return Outcome.NOT_ON_SESSION;
        }
        TrainingSession session = found.get();
        Person person = answering.get();
        boolean declinedBefore = before.get().response() == AttendanceResponse.DECLINED;
        if (!session.recordResponse(person, ResponseRecord.given(response, at, via))) {
            return Outcome.UNCHANGED;
        }
        LOG.info(() -> "tenant=" + tenantId + " person " + personId + " answered " + response + " to session "
                + sessionId + " by " + via);
        if (response != AttendanceResponse.DECLINED || declinedBefore || session.state() != SessionState.ACTIVE) {
            return Outcome.RECORDED;
        }
        return declined(tenants.find(tenantId).orElseThrow(), session, person);
    }

    private Outcome declined(Tenant tenant, TrainingSession session, Person person) {
        if (session.isInstructor(person)) {
            ask(tenant.id(), AdminAlert.Kind.INSTRUCTOR_DECLINED, session, person, SyncNote.Kind.ALERT_INSTRUCTOR_DECLINED);
            return Outcome.ADMIN_ASKED;
        }
        if (!tenant.invitationMail().declineUnregisters()) {
            return Outcome.RECORDED;
        }
        if (session.cancellableAt(clock.instant(), tenant.settings().cancellationDeadlineHours())) {
            session.unregister(person);
            push.plan(tenant.id(), session.id(), List.of(person.id()));
            LOG.info(() -> "tenant=" + tenant.id() + " unregistered person " + person.id() + " from session "
                    + session.id() + " after they declined");
            return Outcome.UNREGISTERED;
        }
        ask(tenant.id(), AdminAlert.Kind.LEARNER_DECLINED_LATE, session, person, SyncNote.Kind.ALERT_LATE_DECLINE);
        return Outcome.ADMIN_ASKED;
    }

    private void ask(TenantId tenantId, AdminAlert.Kind kind, TrainingSession session, Person person,
            SyncNote.Kind note) {
        SyncNote what = SyncNote.by(note, person.displayName(), session.courseTitle());
        alerts.add(AdminAlert.aboutResponse(tenantId, kind, session.id(), person.id(), what));
        LOG.warning(() -> "tenant=" + tenantId + " admin alert: " + what);
    }
}
