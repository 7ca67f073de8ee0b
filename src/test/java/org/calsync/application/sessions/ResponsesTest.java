package org.calsync.application.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.session.AttendanceResponse;
import org.calsync.domain.model.session.ResponseChannel;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.SessionTime;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.sync.AdminAlert;
import org.calsync.domain.model.tenant.InvitationAudience;
import org.calsync.domain.model.tenant.InvitationMailSettings;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.testsupport.DomainFixtures;
import org.calsync.testsupport.InMemoryAdminAlerts;
import org.calsync.testsupport.InMemoryPeople;
import org.calsync.testsupport.InMemoryTenants;
import org.calsync.testsupport.InMemoryTrainingSessions;
import org.calsync.testsupport.RecordingPushPlanner;
import org.junit.jupiter.api.Test;

/**
 * What an answer to an invitation does, without a container: recorded once and newest first, and a decline by the
 * organisation's rules (unregistered before the deadline where declines unregister, an admin asked after it or for
 * an instructor).
 */
class ResponsesTest {

    /** The rules' clock; the workshop is three days later and the cancellation deadline is 24 hours before it. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);

    private final InMemoryTrainingSessions sessions = new InMemoryTrainingSessions();
    private final InMemoryPeople people = new InMemoryPeople();
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryAdminAlerts alerts = new InMemoryAdminAlerts();
    private final RecordingPushPlanner push = new RecordingPushPlanner();

    private final Tenant tenant = tenant();
    private final Person instructor = add(DomainFixtures.person(tenant.id(), "Bea Lead", Permission.DELIVER_SESSIONS));
    private final Person learner = add(DomainFixtures.person(tenant.id(), "Lina Learner"));
    private final TrainingSession workshop = workshop();

    private Responses at(Instant now) {
        return new Responses(sessions, people, tenants, alerts, push, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void anAnswerIsRecordedWithWhenAndWhereAndAnOlderOneDoesNotReplaceIt() {
        Instant answered = NOW.minus(Duration.ofMinutes(5));
        assertEquals(Responses.Outcome.RECORDED, answer(learner, AttendanceResponse.ACCEPTED, answered));

        assertEquals(AttendanceResponse.ACCEPTED, workshop.responseOf(learner).orElseThrow().response());
        assertEquals(answered, workshop.responseOf(learner).orElseThrow().respondedAt());
        assertEquals(ResponseChannel.EMAIL, workshop.responseOf(learner).orElseThrow().respondedVia());
        assertEquals(Responses.Outcome.UNCHANGED, answer(learner, AttendanceResponse.ACCEPTED, answered),
                "the same reply read twice");
        assertEquals(Responses.Outcome.UNCHANGED, answer(learner, AttendanceResponse.TENTATIVE,
                answered.minus(Duration.ofMinutes(1))), "an older reply read late");
        assertEquals(AttendanceResponse.ACCEPTED, workshop.responseOf(learner).orElseThrow().response());
        assertEquals(1, workshop.responseCounts().accepted());
        assertEquals(0, workshop.responseCounts().noAnswer(), "the counts are the learners'; the instructor has not answered");
    }

    @Test
    void aDeclineOnlyRecordsWhereTheOrganisationDidNotChooseOtherwise() {
        assertEquals(Responses.Outcome.RECORDED, answer(learner, AttendanceResponse.DECLINED, NOW));

        assertTrue(workshop.isRegistered(learner));
        assertEquals(List.of(), alerts.open(tenant.id()));
    }

    @Test
    void whereDeclinesUnregisterALearnerLeavesBeforeTheDeadlineAndTheirCalendarsAreToldSo() {
        declinesUnregister();

        assertEquals(Responses.Outcome.UNREGISTERED, answer(learner, AttendanceResponse.DECLINED, NOW));

        assertFalse(workshop.isRegistered(learner));
        assertEquals(List.of(List.of(learner.id())), push.planned);
    }

    @Test
    void aLearnerWhoDeclinesAfterTheDeadlineStaysUntilAnAdminDecides() {
        declinesUnregister();
        Instant late = workshop.time().start().minus(Duration.ofHours(2));

        assertEquals(Responses.Outcome.ADMIN_ASKED, at(late).record(tenant.id(), workshop.id(), learner.id(),
                AttendanceResponse.DECLINED, ResponseChannel.PORTAL, late));

        assertTrue(workshop.isRegistered(learner));
        assertEquals(List.of(AdminAlert.Kind.LEARNER_DECLINED_LATE), kinds());
        assertTrue(alerts.open(tenant.id()).get(0).kind().asksApproval());
    }

    @Test
    void anInstructorWhoDeclinesStaysAssignedAndAnAdminIsToldOnce() {
        assertEquals(Responses.Outcome.ADMIN_ASKED, answer(instructor, AttendanceResponse.DECLINED, NOW));
        assertEquals(Responses.Outcome.RECORDED, answer(instructor, AttendanceResponse.DECLINED, NOW.plusSeconds(60)),
                "declining again asks nobody twice");

        assertTrue(workshop.isInstructor(instructor));
        assertEquals(List.of(AdminAlert.Kind.INSTRUCTOR_DECLINED), kinds());
    }

    @Test
    void someoneNotOnTheSessionHasNothingToAnswer() {
        Person stranger = add(DomainFixtures.person(tenant.id(), "Sam Stranger"));

        assertEquals(Responses.Outcome.NOT_ON_SESSION, answer(stranger, AttendanceResponse.ACCEPTED, NOW));
        assertEquals(Responses.Outcome.NOT_ON_SESSION, at(NOW).record(tenant.id(), "no-such-session", learner.id(),
                AttendanceResponse.ACCEPTED, ResponseChannel.EMAIL, NOW));
    }

    @Test
    void aNewTimeAsksEveryoneAgainAndRepliesToTheOldTimeNoLongerCount() {
        answer(learner, AttendanceResponse.ACCEPTED, NOW.minus(Duration.ofMinutes(10)));
        SessionTime later = SessionTime.ofInstants(workshop.time().start().plus(Duration.ofHours(1)),
                workshop.time().end().plus(Duration.ofHours(1)), workshop.time().zone());
        workshop.revise(new SessionDetails(workshop.courseTitle(), workshop.venue(), null, null), later);

        assertEquals(AttendanceResponse.NO_ANSWER, workshop.responseOf(learner).orElseThrow().response());
        assertEquals(Responses.Outcome.UNCHANGED, answer(learner, AttendanceResponse.ACCEPTED,
                NOW.minus(Duration.ofDays(1))), "a reply written before the change answered the old time");
    }

    private Responses.Outcome answer(Person who, AttendanceResponse response, Instant at) {
        return at(NOW).record(tenant.id(), workshop.id(), who.id(), response, ResponseChannel.EMAIL, at);
    }

    private void declinesUnregister() {
        tenant.changeInvitationMail(new InvitationMailSettings(true, null, InvitationAudience.WITHOUT_LINKED_CALENDAR,
                true));
    }

    private List<AdminAlert.Kind> kinds() {
        return alerts.open(tenant.id()).stream().map(AdminAlert::kind).toList();
    }

    private Tenant tenant() {
        Tenant northwind = new Tenant("Northwind Training");
        northwind.changeSettings(DomainFixtures.calDavSettings(SyncDirection.TWO_WAY));
        tenants.add(northwind);
        return northwind;
    }

    private Person add(Person person) {
        people.add(person);
        return person;
    }

    private TrainingSession workshop() {
        Instant start = NOW.plus(Duration.ofDays(3));
        TrainingSession session = new TrainingSession(tenant.id(), new SessionDetails("Excel for Finance Teams",
                "Room 1", null, null), SessionTime.ofInstants(start, start.plus(Duration.ofHours(3)),
                        ZoneId.of("Europe/London")), SessionState.ACTIVE);
        session.assignInstructor(instructor);
        session.register(learner);
        sessions.add(session);
        return session;
    }
}
