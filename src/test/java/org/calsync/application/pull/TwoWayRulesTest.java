package org.calsync.application.pull;

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
import java.util.Set;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.EventLink;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.SessionTime;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.sync.AdminAlert;
import org.calsync.domain.model.sync.SyncNote;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.testsupport.DomainFixtures;
import org.calsync.testsupport.InMemoryAdminAlerts;
import org.calsync.testsupport.InMemoryPeople;
import org.calsync.testsupport.InMemoryTrainingSessions;
import org.calsync.testsupport.RecordingPushPlanner;
import org.junit.jupiter.api.Test;

/**
 * Each two-way rule, without a container or a database: what an edit or a delete made in a person's own calendar
 * does to the session, which alerts it raises, and whose calendars are then brought in line.
 */
class TwoWayRulesTest {

    /**
     * The rules' clock, the hour this run started; the workshop is three days after it, and the tenant's cancellation
     * deadline is 24 hours.
     */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final InMemoryTrainingSessions sessions = new InMemoryTrainingSessions();
    private final InMemoryPeople people = new InMemoryPeople();
    private final InMemoryAdminAlerts alerts = new InMemoryAdminAlerts();
    private final RecordingPushPlanner push = new RecordingPushPlanner();

    private final Tenant tenant = new Tenant("Northwind Training");
    private final Person lead = instructor("Bea Lead");
    private final Person second = instructor("Cal Second");
    private final Person learner = add(DomainFixtures.person(tenant.id(), "Lina Learner"));
    private final TrainingSession workshop = workshop(NOW.plus(Duration.ofDays(3)));

    private TwoWayRules rulesAt(Instant now) {
        return new TwoWayRules(sessions, people, alerts, push, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aLearnerWhoDeletesTheEventBeforeTheDeadlineLeavesTheSession() {
        TwoWayRules.Verdict verdict = rulesAt(NOW).deleted(tenant, linkOf(learner));

        assertFalse(workshop.isRegistered(learner));
        assertTrue(verdict.takenIn());
        assertEquals(SyncNote.Kind.LEARNER_UNREGISTERED, verdict.note().kind());
        assertEquals(List.of(), alerts.open(tenant.id()));
    }

    @Test
    void aLearnerWhoDeletesTheEventAfterTheDeadlineStaysOnItAndAnAdminIsAsked() {
        Instant afterDeadline = workshop.time().start().minus(Duration.ofHours(23));

        TwoWayRules.Verdict verdict = rulesAt(afterDeadline).deleted(tenant, linkOf(learner));

        assertTrue(workshop.isRegistered(learner));
        assertFalse(verdict.takenIn());
        assertEquals(SyncNote.Kind.LATE_CANCELLATION, verdict.note().kind());
        assertEquals(List.of(AdminAlert.Kind.LEARNER_CANCELLED_LATE), openAlertKinds());
        assertEquals(List.of(List.of(learner.id())), push.planned, "her event is written back");
    }

    @Test
    void anInstructorWhoDeletesTheEventIsNotSilentlyUnassigned() {
        TwoWayRules.Verdict verdict = rulesAt(NOW).deleted(tenant, linkOf(second));

        assertTrue(workshop.isInstructor(second));
        assertEquals(SyncNote.Kind.INSTRUCTOR_DELETED, verdict.note().kind());
        assertEquals(List.of(AdminAlert.Kind.INSTRUCTOR_DELETED), openAlertKinds());
        assertEquals(List.of(List.of(second.id())), push.planned);
    }

    @Test
    void inAOneWayTenantADeletedEventIsWrittenBack() {
        tenant.changeSettings(DomainFixtures.calDavSettings(SyncDirection.ONE_WAY));

        TwoWayRules.Verdict verdict = rulesAt(NOW).deleted(tenant, linkOf(learner));

        assertTrue(workshop.isRegistered(learner));
        assertEquals(SyncNote.Kind.DELETED_WRITTEN_BACK, verdict.note().kind());
        assertEquals(List.of(List.of(learner.id())), push.planned);
    }

    @Test
    void theLeadInstructorsMoveMovesTheSessionAndEveryonesEvent() {
        Instant start = workshop.time().start().plus(Duration.ofHours(2));

        TwoWayRules.Verdict verdict = rulesAt(NOW).changed(tenant, linkOf(lead), movedTo(start, start.plus(Duration.ofHours(3))));

        assertEquals(start, workshop.time().start());
        assertEquals(LONDON, workshop.time().zone(), "the session keeps its own zone");
        assertTrue(verdict.takenIn());
        assertEquals(SyncNote.Kind.SESSION_MOVED, verdict.note().kind());
        assertEquals(Set.of(lead.id(), second.id(), learner.id()), Set.copyOf(push.planned.get(0)));
    }

    @Test
    void anotherInstructorsMoveIsWrittenBack() {
        Instant before = workshop.time().start();
        Instant start = before.plus(Duration.ofHours(2));

        TwoWayRules.Verdict verdict = rulesAt(NOW).changed(tenant, linkOf(second), movedTo(start, start.plus(Duration.ofHours(3))));

        assertEquals(before, workshop.time().start());
        assertEquals(SyncNote.Kind.MOVED_BY_NON_OWNER, verdict.note().kind());
        assertEquals(List.of(List.of(second.id())), push.planned);
    }

    @Test
    void inAOneToOneReviewTheLearnerOwnsTheTimeToo() {
        TrainingSession review = new TrainingSession(tenant.id(), new SessionDetails("Review", null, null, null),
                SessionTime.ofInstants(NOW.plus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)),
                        LONDON), SessionState.ACTIVE);
        review.assignInstructor(lead);
        review.register(learner);
        sessions.add(review);
        Instant start = review.time().start().plus(Duration.ofHours(1));

        rulesAt(NOW).changed(tenant, link(review, learner), movedTo(start, start.plus(Duration.ofHours(1))));

        assertEquals(start, review.time().start());
    }

    @Test
    void anEditThatKeepsTheTimeIsWrittenBack() {
        TwoWayRules.Verdict verdict = rulesAt(NOW).changed(tenant, linkOf(lead),
                movedTo(workshop.time().start(), workshop.time().end()));

        assertFalse(verdict.takenIn());
        assertEquals(SyncNote.Kind.EDITED_WRITTEN_BACK, verdict.note().kind());
    }

    @Test
    void aCancelledSessionCannotBeMovedFromACalendar() {
        workshop.cancel();
        Instant before = workshop.time().start();
        Instant start = before.plus(Duration.ofHours(2));

        TwoWayRules.Verdict verdict = rulesAt(NOW).changed(tenant, linkOf(lead), movedTo(start, start.plus(Duration.ofHours(3))));

        assertEquals(before, workshop.time().start());
        assertEquals(SyncNote.Kind.EDITED_WRITTEN_BACK, verdict.note().kind());
    }

    @Test
    void theLinkRemembersTheEditedVersionSoThatTheNextPullDoesNotSeeItAgain() {
        EventLink link = linkOf(second);
        Instant start = workshop.time().start().plus(Duration.ofHours(2));

        rulesAt(NOW).changed(tenant, link, movedTo(start, start.plus(Duration.ofHours(3))));

        assertEquals("edited-elsewhere", link.versionTag());
    }

    // --- the cast and their calendars

    private Person instructor(String name) {
        return add(DomainFixtures.person(tenant.id(), name, Permission.DELIVER_SESSIONS));
    }

    private Person add(Person person) {
        people.add(person);
        return person;
    }

    private TrainingSession workshop(Instant start) {
        tenant.changeSettings(DomainFixtures.calDavSettings(SyncDirection.TWO_WAY));
        TrainingSession session = new TrainingSession(tenant.id(), new SessionDetails("Excel for Finance Teams", "Room 1",
                null, null), SessionTime.ofInstants(start, start.plus(Duration.ofHours(3)), LONDON), SessionState.ACTIVE);
        session.assignInstructor(lead);
        session.assignInstructor(second);
        session.register(learner);
        sessions.add(session);
        return session;
    }

    private EventLink linkOf(Person person) {
        return link(workshop, person);
    }

    private EventLink link(TrainingSession session, Person person) {
        CalendarAccount account = DomainFixtures.calDavAccount(tenant.id(), person);
        return new EventLink(tenant.id(), session.id(), person.id(), account.calendars().get(0), "uid-" + person.id(),
                new WriteResult("work/" + person.id() + ".ics", "written-by-calsync", true), "hash");
    }

    private static RemoteEvent movedTo(Instant start, Instant end) {
        return new RemoteEvent("work/event.ics", "uid", "edited-elsewhere", List.of(new BusyInterval(start, end, false)),
                "Excel for Finance Teams", false);
    }

    private List<AdminAlert.Kind> openAlertKinds() {
        return alerts.open(tenant.id()).stream().map(AdminAlert::kind).toList();
    }
}
