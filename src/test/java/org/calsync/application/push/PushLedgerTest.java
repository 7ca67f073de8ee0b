package org.calsync.application.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.calsync.application.connection.AccountConnections;
import org.calsync.application.connection.CalendarProviders;
import org.calsync.application.shared.PublicAddress;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.EventLink;
import org.calsync.domain.model.calendar.ExternalCalendar;
import org.calsync.domain.model.calendar.HostedMeeting;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.calendar.SessionCalendarChoice;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.model.mail.InvitationMail;
import org.calsync.domain.model.mail.MailedInvitation;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.session.OnlineMeetingProblem;
import org.calsync.domain.model.session.SessionDetails;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.sync.OutboxEntry;
import org.calsync.domain.model.sync.OutboxState;
import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.domain.model.tenant.OnlineMeetingKind;
import org.calsync.domain.model.tenant.IntegrationSettings;
import org.calsync.domain.model.tenant.PrivacyMode;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.testsupport.DomainFixtures;
import org.calsync.testsupport.InMemoryEventLinks;
import org.calsync.testsupport.InMemoryMailedInvitations;
import org.calsync.testsupport.InMemoryOrganisation;
import org.calsync.testsupport.InMemoryOutbox;
import org.calsync.testsupport.InMemorySessionCalendarChoices;
import org.calsync.testsupport.RecordingPushPlanner;
import org.junit.jupiter.api.Test;

/**
 * The two database ends of a push, without a container or a database: what an outbox entry plans for a person's
 * calendars, and what recording the calendars' answers does to the event links, the accounts and the entry.
 */
class PushLedgerTest {

    private final InMemoryOrganisation northwind = new InMemoryOrganisation();
    private final InMemoryEventLinks links = northwind.links();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    // Planning and recording never call a calendar: the kind is only asked for its traits.
    private final CalendarProviders providers = new CalendarProviders(List.of(passwordKind(CalendarProviderType.CALDAV),
            passwordKind(CalendarProviderType.GOOGLE)), List.of());
    private final AccountConnections connections = new AccountConnections(null, plainText(), null, providers);
    // Reconnect notices go out for a refusal of the current credentials, which no test here records.
    private final InMemoryMailedInvitations mailed = new InMemoryMailedInvitations();
    private final InMemorySessionCalendarChoices choices = new InMemorySessionCalendarChoices();
    private final RecordingPushPlanner planner = new RecordingPushPlanner(northwind.accounts());
    private final PushLedger ledger = new PushLedger(outbox, northwind.tenants(), northwind.sessions(),
            northwind.people(), northwind.accounts(), links, connections,
            new SessionEvents(new PublicAddress("https://calsync.example.org")), null, mailed, choices, planner);

    private final Tenant tenant = northwind.tenant();
    private final Person bea = northwind.instructor("Bea Lead");
    private final CalendarAccount account = northwind.calDavAccount(bea);
    private final TrainingSession workshop = northwind.ledBy(bea, DomainFixtures.session(tenant.id()));

    @Test
    void aNewSessionIsOneWriteToThePushTargetAndItsAnswerBecomesTheEventLink() {
        PushPlan plan = plan();
        PushStep.Write write = assertInstanceOf(PushStep.Write.class, plan.steps().get(0));
        assertEquals(1, plan.steps().size());
        assertEquals("work", write.target().remoteCalendarId());
        assertNull(write.linkId(), "nothing was written before");
        assertEquals("Excel for Finance Teams", write.event().title());

        List<PushStep.Remove> orphans = ledger.record(plan, List.of(StepOutcome.done(write, written("r-1", "v1"))));

        assertEquals(List.of(), orphans);
        EventLink link = onlyLink();
        assertEquals("r-1", link.remoteId());
        assertEquals("v1", link.versionTag());
        assertEquals(OutboxState.DONE, entry(plan).state());
    }

    @Test
    void anUnchangedSessionNeedsNoCallAndAChangedOneUpdatesTheSameEvent() {
        PushPlan first = plan();
        recordDone(first, "r-1", "v1");

        assertEquals(List.of(), plan().steps(), "the calendar already shows the session");

        workshop.revise(new SessionDetails("Excel for Finance Teams, part 2", "Room 1", null, null), workshop.time());
        PushStep.Write update = assertInstanceOf(PushStep.Write.class, plan().steps().get(0));
        assertEquals(onlyLink().id(), update.linkId());
        assertEquals("v1", update.pending().expectedVersion(), "a conditional write over the version CalSync wrote");
        assertEquals("r-1", update.pending().remoteId(), "into the event CalSync wrote");
        int firstSequence = ((PushStep.Write) first.steps().get(0)).event().sequence();
        assertTrue(update.event().sequence() > firstSequence, "a later SEQUENCE, so calendars take the update");
    }

    @Test
    void aCalendarChosenForTheSessionReceivesItInsteadOfTheUsualTargetAndTheOldCopyIsDeleted() {
        CalendarAccount both = new CalendarAccount(tenant.id(), bea.id(), CalendarProviderType.CALDAV,
                URI.create("https://dav.example.org/"), bea.email(), "sealed", PrivacyMode.DEFAULT,
                List.of(new RemoteCalendar("work", "Work", true, true), new RemoteCalendar("teaching", "Teaching", true,
                        true), new RemoteCalendar("holidays", "Holidays", false, true)));
        northwind.accounts().remove(account);
        northwind.accounts().add(both);
        recordDone(plan(), "r-work", "v1");
        ExternalCalendar teaching = both.calendars().stream().filter(c -> c.remoteId().equals("teaching")).findFirst()
                .orElseThrow();
        String workId = both.pushTarget().orElseThrow().id();
        both.chooseCalendars(workId, Set.of(workId));
        assertFalse(teaching.pulled(), "neither target nor checked for clashes");
        choices.add(new SessionCalendarChoice(tenant.id(), workshop.id(), bea.id(), teaching, Instant.now()));
        assertTrue(teaching.pulled(), "read back once it holds a session, so that the two-way rules see it there");

        PushPlan moved = plan();
        assertEquals(2, moved.steps().size(), moved.steps().toString());
        PushStep.Write write = assertInstanceOf(PushStep.Write.class, moved.steps().get(0));
        assertEquals("teaching", write.target().remoteCalendarId());
        assertNull(write.linkId(), "a new event in the chosen calendar");
        PushStep.Remove remove = assertInstanceOf(PushStep.Remove.class, moved.steps().get(1));
        assertEquals("work", remove.target().remoteCalendarId());
        assertEquals("r-work", remove.remoteId(), "the copy in the usual target goes");
        ledger.record(moved, List.of(StepOutcome.done(write, written("r-teaching", "v1")), StepOutcome.done(remove, null)));
        assertEquals("teaching", onlyLink().calendar().remoteId(), "one copy, in the chosen calendar");
        assertEquals(List.of(), plan().steps(), "nothing more to do");

        ExternalCalendar holidays = both.calendars().stream().filter(c -> c.remoteId().equals("holidays")).findFirst()
                .orElseThrow();
        SessionCalendarChoice choice = choices.forSessionAndPerson(tenant.id(), workshop.id(), bea.id()).get(0);
        InvalidInputException readOnly = assertThrows(InvalidInputException.class,
                () -> choice.moveTo(holidays, Instant.now()));
        assertEquals("calendarId", readOnly.errors().get(0).field());
    }

    @Test
    void theLeadInstructorsAccountOfTheHostingKindMakesTheMeetingAndEveryEventThenCarriesItsLink() {
        CalendarAccount google = new CalendarAccount(tenant.id(), bea.id(), CalendarProviderType.GOOGLE,
                URI.create("https://www.googleapis.com/"), bea.email(), "sealed", PrivacyMode.DEFAULT,
                List.of(new RemoteCalendar("primary", "Bea", true, true)));
        northwind.accounts().add(google);
        tenant.changeSettings(new IntegrationSettings(true, EnumSet.of(CalendarProviderType.CALDAV,
                CalendarProviderType.GOOGLE), SyncDirection.TWO_WAY, PrivacyMode.DEFAULT, 12, false, 24));
        workshop.requestOnlineMeeting(OnlineMeetingKind.GOOGLE_MEET);

        PushPlan first = plan();
        PushStep.Write toCalDav = writeTo(first, CalendarProviderType.CALDAV);
        PushStep.Write toGoogle = writeTo(first, CalendarProviderType.GOOGLE);
        assertEquals(OnlineMeetingKind.GOOGLE_MEET, toGoogle.event().hostsMeeting(), "her Google event hosts the meeting");
        assertNull(toCalDav.event().hostsMeeting(), "one account hosts it, no other");
        assertNull(toCalDav.event().meetingLink(), "no link before the meeting exists");

        URI meet = URI.create("https://meet.google.example/abc-0001-xyz");
        ledger.record(first, List.of(StepOutcome.done(toCalDav, written("r-dav", "v1")),
                StepOutcome.done(toGoogle, new WriteResult("r-google", "g1", true, HostedMeeting.created(meet)))));
        assertNull(workshop.joinLink(), "the meeting is recorded on its own, after the write");
        ledger.recordMeeting(tenant.id(), workshop.id(), OnlineMeetingKind.GOOGLE_MEET, HostedMeeting.created(meet));
        assertEquals(meet.toString(), workshop.joinLink());
        assertEquals(List.of(List.of(bea.id())), planner.planned, "everyone on the session is pushed again");

        PushPlan second = plan();
        assertEquals(meet, writeTo(second, CalendarProviderType.CALDAV).event().meetingLink(), "now with the link");
        assertEquals(meet, writeTo(second, CalendarProviderType.GOOGLE).event().meetingLink());

        ledger.recordMeeting(tenant.id(), workshop.id(), OnlineMeetingKind.GOOGLE_MEET, HostedMeeting.refused("Meet is off"));
        assertEquals(Optional.of(OnlineMeetingProblem.REFUSED), workshop.meetingProblem());
        assertEquals(meet.toString(), workshop.joinLink(), "a refusal later takes nothing away");

        workshop.requestOnlineMeeting(OnlineMeetingKind.TEAMS);
        planner.reviewMeetingHost(workshop);
        assertEquals(Optional.of(OnlineMeetingProblem.NO_ACCOUNT), workshop.meetingProblem(),
                "Teams needs her Microsoft 365 account, and she has none");
        assertNull(workshop.joinLink(), "another kind of meeting forgets the first");
        assertTrue(plan().steps().stream().map(step -> ((PushStep.Write) step).event().hostsMeeting())
                .allMatch(hosts -> hosts == null), "nothing hosts what no account can");
    }

    private static PushStep.Write writeTo(PushPlan plan, CalendarProviderType provider) {
        return plan.steps().stream().filter(step -> step.target().provider() == provider)
                .map(PushStep.Write.class::cast).findFirst().orElseThrow();
    }

    @Test
    void aFirstWriteForSomeoneEmailedAnInvitationMayTakeOverTheCopyTheirCalendarMade() {
        PushStep.Write unmailed = assertInstanceOf(PushStep.Write.class, plan().steps().get(0));
        assertFalse(unmailed.pending().mayAdoptInvitation(), "never emailed: nothing to look for");

        MailedInvitation invitation = new MailedInvitation(tenant.id(), workshop.id(), bea.id());
        invitation.sent(InvitationMail.Method.REQUEST, 0, "hash", Instant.now());
        mailed.add(invitation);
        PushStep.Write mailedFirst = assertInstanceOf(PushStep.Write.class, plan().steps().get(0));
        assertTrue(mailedFirst.pending().mayAdoptInvitation(), "emailed an invitation: the calendar may hold it");

        invitation.sent(InvitationMail.Method.CANCEL, 1, null, Instant.now());
        assertFalse(assertInstanceOf(PushStep.Write.class, plan().steps().get(0)).pending().mayAdoptInvitation(),
                "the last email cancelled it: the copy is gone or shows a cancellation");
    }

    @Test
    void someoneNoLongerOnTheSessionHasTheirEventRemoved() {
        recordDone(plan(), "r-1", "v1");
        workshop.unassignInstructor(bea);

        PushPlan plan = plan();
        PushStep.Remove remove = assertInstanceOf(PushStep.Remove.class, plan.steps().get(0));
        assertEquals("r-1", remove.remoteId());
        ledger.record(plan, List.of(StepOutcome.done(remove, null)));

        assertEquals(List.of(), links.forSessionAndPerson(tenant.id(), workshop.id(), bea.id()));
        assertEquals(OutboxState.DONE, entry(plan).state());
    }

    @Test
    void aCalendarTheOrganisationPausesIsLeftAsItIsWhateverChanged() {
        recordDone(plan(), "r-1", "v1");
        tenant.changeSettings(DomainFixtures.integrationOff());

        workshop.revise(new SessionDetails("Excel for Finance Teams, moved", "Room 2", null, null), workshop.time());
        assertEquals(List.of(), plan().steps(), "not written while paused");
        workshop.unassignInstructor(bea);
        assertEquals(List.of(), plan().steps(), "not removed while paused");
    }

    @Test
    void aRefusedPasswordWaitsForReconnectingUnlessNewCredentialsArrivedMeanwhile() {
        PushPlan refused = plan();
        Instant before = Instant.now();
        ledger.record(refused, List.of(StepOutcome.failed(refused.steps().get(0),
                StepOutcome.Result.WAITING_FOR_RECONNECT, FailureKind.SIGN_IN, "needs reconnecting", null)));
        OutboxEntry waiting = entry(refused);
        assertEquals(OutboxState.PENDING, waiting.state());
        assertTrue(!waiting.nextAttemptAt().isBefore(before.plus(PushLedger.RECONNECT_WAIT)),
                "waits for the person: " + waiting.nextAttemptAt());

        PushPlan raced = plan();
        account.reconnect("a-new-password");
        Instant reconnected = Instant.now();
        ledger.record(raced, List.of(StepOutcome.failed(raced.steps().get(0),
                StepOutcome.Result.WAITING_FOR_RECONNECT, FailureKind.SIGN_IN, "needs reconnecting", null)));
        assertTrue(entry(raced).nextAttemptAt().isBefore(reconnected.plus(PushLedger.RECONNECT_WAIT)),
                "the new password is tried soon: " + entry(raced).nextAttemptAt());
    }

    @Test
    void aWriteIntoACalendarRemovedMeanwhileIsHandedBackToBeDeleted() {
        PushPlan plan = plan();
        account.beginRemoval();

        List<PushStep.Remove> orphans = ledger.record(plan, List.of(StepOutcome.done(plan.steps().get(0),
                written("r-1", "v1"))));

        assertEquals(List.of("r-1"), orphans.stream().map(PushStep.Remove::remoteId).toList());
        assertEquals(List.of(), links.forSessionAndPerson(tenant.id(), workshop.id(), bea.id()), "no link to keep");
    }

    @Test
    void anEditFoundInTheCalendarKeepsTheEntryForItsWorkerToReadFirst() {
        PushPlan plan = plan();

        ledger.record(plan, List.of(StepOutcome.failed(plan.steps().get(0), StepOutcome.Result.EDITED_ELSEWHERE,
                FailureKind.OTHER, "edited", null)));

        assertEquals(OutboxState.PENDING, entry(plan).state());
        assertEquals(0, entry(plan).attempts(), "not a failure: nothing waits");
    }

    @Test
    void anEntryFoldedIntoANewerOneIsDoneAndAnEntryAlreadyDoneIsNotPlanned() {
        OutboxEntry older = queued();

        ledger.foldedInto(older.id());

        assertEquals(OutboxState.DONE, older.state());
        assertTrue(ledger.plan(older.id()).isEmpty());
    }

    // --- the organisation, Bea, her calendar and her workshop

    private PushPlan plan() {
        return ledger.plan(queued().id()).orElseThrow();
    }

    private OutboxEntry queued() {
        OutboxEntry entry = new OutboxEntry(tenant.id(), workshop.id(), bea.id());
        outbox.add(entry);
        return entry;
    }

    private void recordDone(PushPlan plan, String remoteId, String version) {
        ledger.record(plan, List.of(StepOutcome.done(plan.steps().get(0), written(remoteId, version))));
    }

    private OutboxEntry entry(PushPlan plan) {
        return outbox.find(plan.entryId()).orElseThrow();
    }

    private EventLink onlyLink() {
        List<EventLink> found = links.forSessionAndPerson(tenant.id(), workshop.id(), bea.id());
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private static WriteResult written(String remoteId, String version) {
        return new WriteResult(remoteId, version, true);
    }

    private static SecretCipher plainText() {
        return new SecretCipher() {
            @Override
            public String encrypt(String secret) {
                return secret;
            }

            @Override
            public String decrypt(String cipherText) {
                return cipherText;
            }
        };
    }

    /** A calendar kind signed in to with a password; any call to it fails the test. */
    /** A kind of calendar that signs in with a password; the ledger only asks its traits. */
    private static CalendarProvider passwordKind(CalendarProviderType type) {
        return new CalendarProvider() {
            @Override
            public ProviderTraits traits() {
                return new ProviderTraits(type, ProviderTraits.SignIn.PASSWORD, null, null, false, false);
            }

            @Override
            public List<RemoteCalendar> listCalendars(ProviderConnection connection) {
                throw new AssertionError("the ledger called a calendar");
            }

            @Override
            public ChangeBatch changesSince(ProviderConnection connection, String calendarId, SyncCursor cursor,
                    TimeWindow window) {
                throw new AssertionError("the ledger called a calendar");
            }

            @Override
            public WriteResult put(ProviderConnection connection, String calendarId, PendingWrite write) {
                throw new AssertionError("the ledger called a calendar");
            }

            @Override
            public void delete(ProviderConnection connection, String calendarId, String remoteId,
                    String expectedVersion) {
                throw new AssertionError("the ledger called a calendar");
            }
        };
    }
}
