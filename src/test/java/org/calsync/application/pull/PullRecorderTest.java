package org.calsync.application.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.EventLink;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.SessionState;
import org.calsync.domain.model.session.SessionTime;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.sync.AdminAlert;
import org.calsync.domain.model.sync.SyncNote;
import org.calsync.domain.model.sync.SyncRun;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.testsupport.DomainFixtures;
import org.calsync.testsupport.InMemoryAdminAlerts;
import org.calsync.testsupport.InMemoryBusyBlocks;
import org.calsync.testsupport.InMemoryEventLinks;
import org.calsync.testsupport.InMemoryOrganisation;
import org.calsync.testsupport.InMemorySyncRuns;
import org.calsync.testsupport.RecordingPushPlanner;
import org.junit.jupiter.api.Test;

/**
 * What a pull's answer does to what CalSync knows of a calendar, without a container or a database: busy times in,
 * CalSync's own events recognised, edits handed to the two-way rules, and the mass-deletion guard.
 */
class PullRecorderTest {

    /** The tests' clock, the hour this run started: every event and session is counted from it. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private static final Instant TOMORROW = NOW.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final InMemoryOrganisation northwind = new InMemoryOrganisation();
    private final InMemoryAdminAlerts alerts = new InMemoryAdminAlerts();
    private final InMemoryEventLinks links = northwind.links();
    private final InMemoryBusyBlocks busy = new InMemoryBusyBlocks();
    private final InMemorySyncRuns runs = new InMemorySyncRuns();
    private final RecordingPushPlanner push = new RecordingPushPlanner();
    private final TwoWayRules twoWay = new TwoWayRules(northwind.sessions(), northwind.people(), alerts, push, Clock.fixed(NOW, ZoneOffset.UTC));
    // Connections and reconnect notices are for asking a server and for refusals, which no test here reaches.
    private final PullRecorder recorder = new PullRecorder(northwind.tenants(), northwind.people(), alerts,
            northwind.accounts(), links, busy, runs, null,
            twoWay, null);

    private final Tenant tenant = northwind.tenant();
    private final Person bea = northwind.instructor("Bea Lead");
    private final CalendarAccount account = northwind.calDavAccount(bea);
    private final ExternalCalendar work = account.calendars().get(0);

    @Test
    void otherEventsBecomeBusyTimesAndALaterAnswerReplacesThem() {
        SyncRun first = apply(fullRead(dentist("d-1", 10), dentist("d-2", 14)));

        assertEquals(SyncRun.Outcome.OK, first.outcome());
        assertEquals(2, first.changesIn());
        assertEquals(Set.of("d-1", "d-2"), busy.remoteIdsIn(tenant.id(), work.id()));

        apply(delta(List.of(dentist("d-2", 15)), List.of("d-1")));

        assertEquals(Set.of("d-2"), busy.remoteIdsIn(tenant.id(), work.id()));
        assertEquals(TOMORROW.plus(Duration.ofHours(15)), busy.forPerson(tenant.id(), bea.id(), NOW,
                NOW.plus(Duration.ofDays(3))).get(0).start(), "the moved appointment, not the old one");
    }

    @Test
    void calSyncsOwnEventComingBackUnchangedIsAnEchoNotAnEdit() {
        TrainingSession workshop = workshopLedBy(bea);
        EventLink link = link(workshop, "v1");

        SyncRun run = apply(fullRead(ours(link, "v1", workshop.time().start())));

        assertEquals(0, run.changesIn());
        assertEquals(List.of(), push.planned, "nothing to write back");
        assertEquals(List.of(), run.notes());
    }

    @Test
    void theLeadsMoveOfCalSyncsEventMovesTheSession() {
        TrainingSession workshop = workshopLedBy(bea);
        EventLink link = link(workshop, "v1");
        Instant later = workshop.time().start().plus(Duration.ofHours(2));

        SyncRun run = apply(fullRead(ours(link, "v2-moved-by-bea", later)));

        assertEquals(later, workshop.time().start());
        assertEquals(1, run.changesIn());
        assertTrue(run.says(SyncNote.Kind.SESSION_MOVED), run.notes().toString());
        assertEquals("v2-moved-by-bea", link.versionTag(), "the next pull sees the move as known");
    }

    @Test
    void anAnswerThatWouldRemoveMostOfABigCalendarIsHeldAndAnAdminIsAskedOnce() {
        apply(fullRead(IntStream.range(0, 8).mapToObj(i -> dentist("d-" + i, 9 + i)).toArray(RemoteEvent[]::new)));

        SyncRun held = apply(fullRead(dentist("d-0", 9), dentist("d-1", 10), dentist("d-2", 11)));
        apply(fullRead(dentist("d-0", 9), dentist("d-1", 10), dentist("d-2", 11)));

        assertEquals(SyncRun.Outcome.HELD, held.outcome());
        assertTrue(held.says(SyncNote.Kind.HELD_REMOVING), held.notes().toString());
        assertEquals(8, busy.remoteIdsIn(tenant.id(), work.id()).size(), "nothing is removed while it is held");
        assertTrue(work.hold().isPresent());
        assertEquals(List.of(AdminAlert.Kind.CALENDAR_HELD),
                alerts.open(tenant.id()).stream().map(AdminAlert::kind).toList(), "one alert, however many pulls");
    }

    @Test
    void aSmallCalendarMayLoseMostOfItsEventsButNeverAllOfThem() {
        apply(fullRead(dentist("d-1", 9), dentist("d-2", 10), dentist("d-3", 11)));

        SyncRun fewer = apply(fullRead(dentist("d-1", 9)));
        SyncRun empty = apply(fullRead());

        assertEquals(SyncRun.Outcome.OK, fewer.outcome(), "two of three is below the guard's size");
        assertEquals(SyncRun.Outcome.HELD, empty.outcome());
        assertTrue(empty.says(SyncNote.Kind.HELD_EMPTYING), empty.notes().toString());
        assertEquals(Set.of("d-1"), busy.remoteIdsIn(tenant.id(), work.id()));
    }

    @Test
    void onceAnAdminReleasesTheCalendarTheNextAnswerIsAppliedHoweverMuchItRemoves() {
        apply(fullRead(IntStream.range(0, 8).mapToObj(i -> dentist("d-" + i, 9 + i)).toArray(RemoteEvent[]::new)));
        apply(fullRead(dentist("d-0", 9)));

        work.release();
        SyncRun released = apply(fullRead(dentist("d-0", 9)));
        SyncRun next = apply(fullRead());

        assertEquals(SyncRun.Outcome.OK, released.outcome());
        assertEquals(Set.of("d-0"), busy.remoteIdsIn(tenant.id(), work.id()));
        assertEquals(SyncRun.Outcome.HELD, next.outcome(), "a release counts for one pull only");
    }

    @Test
    void theServerIsNotAskedForACalendarThatIsHeldPausedRefusedOrBeingRemoved() {
        work.hold(SyncNote.of(SyncNote.Kind.HELD_EMPTYING));
        assertNotAsked(SyncRun.Outcome.HELD, null);
        work.release();

        tenant.changeSettings(DomainFixtures.integrationOff());
        assertNotAsked(SyncRun.Outcome.PAUSED, null);
        tenant.changeSettings(DomainFixtures.calDavSettings(SyncDirection.TWO_WAY));

        account.markNeedsReconsent("401 Unauthorized");
        assertNotAsked(SyncRun.Outcome.FAILED, FailureKind.SIGN_IN);

        account.beginRemoval();
        assertNotAsked(SyncRun.Outcome.FAILED, FailureKind.REMOVING);
    }

    private void assertNotAsked(SyncRun.Outcome outcome, FailureKind kind) {
        int logged = runs.recent(tenant.id(), account.id(), 100).size();
        PullRecorder.Preparation prepared = recorder.prepare(tenant.id(), account.id(), work.id());

        PullRecorder.NotAsked notAsked = assertInstanceOf(PullRecorder.NotAsked.class, prepared);
        assertEquals(outcome, notAsked.run().outcome());
        assertEquals(kind, notAsked.run().failureKind());
        assertEquals(logged + 1, runs.recent(tenant.id(), account.id(), 100).size(), "the run is in the sync log");
    }

    // --- the calendar, its events and the answers

    private SyncRun apply(ChangeBatch batch) {
        PullRecorder.Question asked = new PullRecorder.Question(tenant.id(), account.id(), work.id(),
                new PullRecorder.Read(CalendarProviderType.CALDAV, null, work.remoteId(), work.cursor(),
                        new TimeWindow(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)))), "tag", NOW,
                new PullRecorder.Known(Set.copyOf(links.inCalendar(tenant.id(), work.id()).stream().map(EventLink::id)
                        .toList()), busy.remoteIdsIn(tenant.id(), work.id())));
        return recorder.apply(asked, batch);
    }

    private static ChangeBatch fullRead(RemoteEvent... events) {
        return new ChangeBatch(List.of(events), List.of(), List.of(), new SyncCursor("token-" + events.length), true, 1);
    }

    private static ChangeBatch delta(List<RemoteEvent> changed, List<String> removed) {
        return new ChangeBatch(changed, removed, List.of(), new SyncCursor("delta"), false, 1);
    }

    /** Someone else's appointment tomorrow at this hour (UTC), one hour long. */
    private static RemoteEvent dentist(String remoteId, int hour) {
        Instant start = TOMORROW.plus(Duration.ofHours(hour));
        return new RemoteEvent(remoteId, remoteId + "@elsewhere", "1", List.of(new BusyInterval(start,
                start.plus(Duration.ofHours(1)), false)), "Dentist", false);
    }

    private static RemoteEvent ours(EventLink link, String version, Instant start) {
        return new RemoteEvent(link.remoteId(), link.uid(), version, List.of(new BusyInterval(start,
                start.plus(Duration.ofHours(3)), false)), "Excel for Finance Teams", false);
    }

    private TrainingSession workshopLedBy(Person lead) {
        Instant start = NOW.plus(Duration.ofDays(7));
        TrainingSession session = new TrainingSession(tenant.id(), new SessionDetails("Excel for Finance Teams", "Room 1",
                null, null), SessionTime.ofInstants(start, start.plus(Duration.ofHours(3)), LONDON), SessionState.ACTIVE);
        return northwind.ledBy(lead, session);
    }

    private EventLink link(TrainingSession session, String version) {
        EventLink link = new EventLink(tenant.id(), session.id(), bea.id(), work, "uid-" + session.id(),
                new WriteResult("work/" + session.id() + ".ics", version, true), "hash");
        links.add(link);
        return link;
    }
}
