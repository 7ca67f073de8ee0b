package org.calsync.infrastructure.provider.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.EventDetails;
import org.calsync.domain.model.calendar.EventTime;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.Staff;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.shared.Language;
import org.calsync.domain.model.sync.ServerPauses;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedItem;
import org.calsync.testsupport.ews.SimulatedMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The EWS adapter against the schema-validating simulator: every request it sends must validate. */
class EwsProviderSimulatorTest {

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withUser("amira", "amira-secret", "amira@northwind.example")
            .withUser("tom", "tom-secret", "tom@northwind.example").withServiceAccount("svc-calsync", "svc-secret");

    private static final Instant NOW = Instant.now();
    private static final TimeWindow WINDOW = new TimeWindow(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final EwsCalendarProvider ews = new EwsCalendarProvider();

    {
        ews.firstBackOffMs = 10;
    }

    @AfterEach
    void everyRequestValidated() {
        List<String> violations = EWS.takeViolations();
        assertTrue(violations.isEmpty(), String.join("\n\n", violations));
    }

    private static ProviderConnection as(String user, String password) {
        return new ProviderConnection(EWS.url(), "NORTHWIND\\" + user, password, LONDON);
    }

    private static ProviderConnection impersonating(String smtp) {
        return new ProviderConnection(EWS.url(), "svc-calsync@northwind.example", "svc-secret", LONDON, smtp);
    }

    private static OutgoingEvent event(String uid, String title, Instant start, String venue) {
        return new OutgoingEvent(uid, 0, title,
                new EventTime(start, start.plus(Duration.ofHours(2)), LONDON), venue,
                URI.create("https://meet.example.com/abc"),
                new EventDetails("Bring a laptop.", Staff.alsoTeaching(List.of("Lucie Martin")),
                URI.create("https://calsync.example/sessions/1"), Language.ENGLISH));
    }

    @Test
    void pushCreatesUpdatesAndDeletesOneAppointmentWithoutInvitations() {
        ProviderConnection amira = as("amira", "amira-secret");
        RemoteCalendar calendar = ews.listCalendars(amira).get(0);
        assertEquals("Calendar", calendar.displayName());
        SimulatedMailbox mailbox = EWS.mailbox("amira@northwind.example");
        String uid = "calsync-" + UUID.randomUUID();
        Instant start = NOW.plus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);

        WriteResult created = ews.put(amira, calendar.id(), event(uid, "Excel for Finance", start, "Room 7"), null);
        assertTrue(created.created());
        SimulatedItem item = mailbox.find(created.remoteId()).orElseThrow();
        assertEquals("Excel for Finance", item.subject());
        assertEquals("Room 7", item.location());
        assertEquals(start, item.start());
        assertTrue(item.body().contains("https://meet.example.com/abc") && item.body().contains("Lucie Martin"), item.body());
        assertTrue(item.extendedProperties().containsValue(uid), "our UID rides in an extended property");
        assertEquals("GMT Standard Time", item.startTimeZoneId(), "Outlook shows the session in its own zone");

        // A retry after a lost answer finds the appointment by UID and updates it: still one appointment.
        WriteResult retried = ews.put(amira, calendar.id(), event(uid, "Excel for Finance", start, "Room 8"), null);
        assertEquals(created.remoteId(), retried.remoteId());
        assertEquals(1, mailbox.withExtendedProperty(EwsEvents.PROPERTY_SET + "/" + EwsEvents.UID_NAME, uid).size());
        assertEquals("Room 8", mailbox.find(created.remoteId()).orElseThrow().location());

        // Someone moves it in Outlook; a write against the old change key is a conflict, not a silent overwrite.
        mailbox.move(created.remoteId(), start.plus(Duration.ofHours(3)), start.plus(Duration.ofHours(5)));
        assertThrows(VersionConflictException.class,
                () -> ews.put(amira, calendar.id(), event(uid, "Excel for Finance", start, "Room 9"), retried.version()));

        ews.delete(amira, calendar.id(), created.remoteId(), null);
        assertTrue(mailbox.find(created.remoteId()).isEmpty());
        ews.delete(amira, calendar.id(), created.remoteId(), null); // already gone is fine
        assertTrue(EWS.requests().stream().noneMatch(r -> r.body().contains("SendToAllAndSaveCopy")));
    }

    @Test
    void theMeetingExchangeMadeOfAnEmailedInvitationBecomesOurAppointmentInsteadOfASecondOne() {
        ProviderConnection tom = as("tom", "tom-secret");
        String calendar = ews.listCalendars(tom).get(0).id();
        SimulatedMailbox mailbox = EWS.mailbox("tom@northwind.example");
        String uid = UUID.randomUUID() + "@calsync";
        Instant start = NOW.plus(Duration.ofDays(12)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        SimulatedItem copy = mailbox.receiveInvitation(uid, "Excel for Finance", start, start.plus(Duration.ofHours(2)));
        int before = mailbox.items().size();

        // read before the first push: the meeting carries CalSync's UID, so it is not the person's own busy time
        ChangeBatch read = ews.changesSince(tom, calendar, SyncCursor.NONE, WINDOW);
        assertTrue(read.changed().stream().anyMatch(e -> e.remoteId().equals(copy.id()) && e.uid().equals(uid)),
                read.changed().toString());

        WriteResult adopted = ews.put(tom, calendar, new PendingWrite(event(uid, "Excel for Finance",
                start.plus(Duration.ofHours(1)), "Room 4"), null, null, true));
        assertEquals(copy.id(), adopted.remoteId(), "written into the invitation's meeting");
        assertFalse(adopted.created());
        assertEquals(before, mailbox.items().size(), "no second appointment");
        assertEquals("Room 4", copy.location());
        assertEquals(start.plus(Duration.ofHours(1)), copy.start());
        assertTrue(copy.extendedProperties().containsValue(uid), "found as CalSync's from now on");

        WriteResult next = ews.put(tom, calendar, event(uid, "Excel for Finance", start, "Room 5"), adopted.version());
        assertEquals(copy.id(), next.remoteId());
        assertEquals("Room 5", copy.location());
        assertTrue(EWS.requests().stream().noneMatch(r -> r.body().contains("SendToAllAndSaveCopy")));
    }

    @Test
    void sessionsInZonesTheEwsApiDoesNotKnowKeepTheirTimes() {
        ProviderConnection amira = as("amira", "amira-secret");
        String calendar = ews.listCalendars(amira).get(0).id();
        Instant start = Instant.parse("2027-06-01T07:00:00Z");
        OutgoingEvent kyiv = new OutgoingEvent("calsync-" + UUID.randomUUID(), 0, "Kyiv workshop",
                new EventTime(start, start.plus(Duration.ofHours(1)), ZoneId.of("Europe/Kyiv")), null, null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH));
        SimulatedItem written = EWS.mailbox("amira@northwind.example").find(ews.put(amira, calendar, kyiv, null).remoteId())
                .orElseThrow();
        assertEquals("FLE Standard Time", written.startTimeZoneId());
        OutgoingEvent troll = new OutgoingEvent("calsync-" + UUID.randomUUID(), 0, "Troll briefing",
                new EventTime(start, start.plus(Duration.ofHours(1)), ZoneId.of("Antarctica/Troll")), null, null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH));
        SimulatedItem utc = EWS.mailbox("amira@northwind.example").find(ews.put(amira, calendar, troll, null).remoteId())
                .orElseThrow();
        assertNull(utc.startTimeZoneId(), "no Windows zone: written in UTC");
        assertEquals(start, utc.start());
    }

    @Test
    void pullReadsBusyTimesOnceThenCostsOneRequestWhileNothingChanges() {
        ProviderConnection tom = as("tom", "tom-secret");
        String calendar = ews.listCalendars(tom).get(0).id();
        SimulatedMailbox mailbox = EWS.mailbox("tom@northwind.example");
        Instant day = NOW.plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        SimulatedItem meeting = mailbox.add("Budget review", day, day.plus(Duration.ofHours(1)));
        SimulatedItem free = mailbox.add("Lunch maybe", day.plus(Duration.ofHours(2)), day.plus(Duration.ofHours(3)));
        mailbox.setFreeBusy(free.id(), "Free");
        SimulatedItem doctor = mailbox.add("Doctor", day.plus(Duration.ofDays(1)), day.plus(Duration.ofDays(1).plusHours(1)));
        mailbox.setSensitivity(doctor.id(), "Private");
        Instant midnight = day.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(5));
        SimulatedItem conference = mailbox.add("Conference", midnight, midnight.plus(Duration.ofDays(2)));
        mailbox.setAllDay(conference.id());
        SimulatedItem declined = mailbox.add("Vendor demo", day.plus(Duration.ofHours(4)), day.plus(Duration.ofHours(5)));
        mailbox.respond(declined.id(), "Decline");

        ChangeBatch first = ews.changesSince(tom, calendar, SyncCursor.NONE, WINDOW);
        assertTrue(first.fullRead());
        RemoteEvent budget = find(first, meeting.id());
        assertEquals("Budget review", budget.title());
        assertEquals(day, budget.busy().get(0).start());
        assertTrue(find(first, free.id()).busy().isEmpty(), "Free is not busy");
        assertTrue(find(first, declined.id()).busy().isEmpty(), "a meeting Tom declined is not busy");
        RemoteEvent privateOne = find(first, doctor.id());
        assertNull(privateOne.title(), "a private appointment keeps its times only");
        assertEquals(1, privateOne.busy().size());
        RemoteEvent allDay = find(first, conference.id());
        assertTrue(allDay.busy().get(0).allDay(), "an all-day appointment stays all-day");
        assertEquals(midnight.plus(Duration.ofDays(2)), allDay.busy().get(0).end());

        EWS.clearRequests();
        ChangeBatch unchanged = ews.changesSince(tom, calendar, first.next(), WINDOW);
        assertTrue(unchanged.isEmpty());
        assertFalse(unchanged.fullRead());
        assertEquals(1, unchanged.requests(), "an unchanged calendar costs one request");
        assertEquals(List.of("SyncFolderItems"), EWS.requests().stream().map(EwsSimulator.Recorded::operation).toList());

        mailbox.move(meeting.id(), day.plus(Duration.ofHours(4)), day.plus(Duration.ofHours(5)));
        mailbox.delete(free.id());
        ChangeBatch changed = ews.changesSince(tom, calendar, unchanged.next(), WINDOW);
        assertEquals(day.plus(Duration.ofHours(4)), find(changed, meeting.id()).busy().get(0).start());
        assertTrue(changed.changed().stream().noneMatch(e -> e.remoteId().equals(free.id())),
                "a deleted appointment is missing from the full read, which the engine treats as deleted");
    }

    @Test
    void recurringSeriesAreReadAsTheirOccurrencesWithExceptionsApplied() {
        ProviderConnection amira = as("amira", "amira-secret");
        String calendar = ews.listCalendars(amira).get(0).id();
        SimulatedMailbox mailbox = EWS.mailbox("amira@northwind.example");
        Instant first = NOW.plus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        SimulatedItem standUp = mailbox.addSeries("Weekly stand-up", first, first.plus(Duration.ofMinutes(30)),
                Duration.ofDays(7), 4);
        Instant moved = first.plus(Duration.ofDays(7)).plus(Duration.ofHours(2));
        mailbox.moveOccurrence(standUp.id(), 1, moved, moved.plus(Duration.ofMinutes(30)));
        mailbox.deleteOccurrence(standUp.id(), 2);

        List<Instant> starts = ews.changesSince(amira, calendar, SyncCursor.NONE, WINDOW).changed().stream()
                .filter(e -> "Weekly stand-up".equals(e.title())).map(e -> e.busy().get(0).start()).sorted().toList();
        assertEquals(List.of(first, moved, first.plus(Duration.ofDays(21))), starts,
                "four occurrences, the second moved, the third deleted");
    }

    @Test
    void anItemExchangeCannotReadIsSkippedAndTheRestOfTheCalendarStillSyncs() {
        ProviderConnection tom = as("tom", "tom-secret");
        String calendar = ews.listCalendars(tom).get(0).id();
        SimulatedMailbox mailbox = EWS.mailbox("tom@northwind.example");
        Instant day = NOW.plus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        SimulatedItem good = mailbox.add("Planning", day, day.plus(Duration.ofHours(1)));
        SimulatedItem corrupt = mailbox.add("Corrupt", day.plus(Duration.ofHours(2)), day.plus(Duration.ofHours(3)));
        mailbox.setMalformed(corrupt.id());

        ChangeBatch batch = ews.changesSince(tom, calendar, SyncCursor.NONE, WINDOW);
        assertEquals("Planning", find(batch, good.id()).title());
        assertTrue(batch.skipped().stream().anyMatch(s -> s.remoteId().equals(corrupt.id()) && s.reason().contains("ErrorCorruptData")),
                batch.skipped().toString());
        assertTrue(batch.changed().stream().noneMatch(e -> e.remoteId().equals(corrupt.id())));
        mailbox.delete(corrupt.id());
    }

    @Test
    void freeBusyForManyPeopleIsAskedInBatchesAndSpans() {
        List<String> people = new java.util.ArrayList<>();
        Instant meeting = Instant.parse("2027-04-06T08:30:00Z");
        for (int i = 0; i < 60; i++) {
            String email = "staff" + i + "@northwind.example";
            people.add(email);
            EWS.mailbox(email).add("Meeting " + i, meeting.plus(Duration.ofHours(i % 5)),
                    meeting.plus(Duration.ofHours(i % 5)).plus(Duration.ofMinutes(45)));
        }
        people.add("nobody@northwind.example");
        EWS.clearRequests();
        TimeWindow hundredDays = new TimeWindow(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-06-09T00:00:00Z"));

        var busy = ews.freeBusy(impersonating("amira@northwind.example"), people, hundredDays);

        assertEquals(60, busy.size(), "everyone Exchange knows, and nobody else");
        assertEquals(List.of(new org.calsync.domain.model.calendar.BusyInterval(meeting.plus(Duration.ofHours(3)),
                meeting.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(45)), false)), busy.get("staff8@northwind.example"));
        assertEquals(6, EWS.requests().size(), "61 people in batches of 50, 100 days in spans of 42: 2 x 3 calls");
        assertTrue(EWS.requests().stream().allMatch(r -> r.operation().equals("GetUserAvailabilityRequest")));
    }

    /** A restart or a failover closes the kept-alive connection a pooled service holds: the call goes on anew. */
    @Test
    void aServerThatRestartedBehindAPooledConnectionIsAskedAgainOnANewOne() throws Exception {
        ProviderConnection amira = as("amira", "amira-secret");
        assertEquals(1, ews.listCalendars(amira).size());
        int port = EWS.url().getPort();
        EWS.stop();
        EWS.start(port);
        EWS.clearRequests();

        assertEquals(1, ews.listCalendars(amira).size(), "answered, not failed");
        assertEquals(1, EWS.requests().stream().filter(r -> r.operation().equals("GetFolder")).count());
    }

    @Test
    void anInvalidSyncStateMeansAFullReadNotAFailure() {
        ProviderConnection tom = as("tom", "tom-secret");
        String calendar = ews.listCalendars(tom).get(0).id();
        ChangeBatch first = ews.changesSince(tom, calendar, SyncCursor.NONE, WINDOW);
        EWS.failNext(new EwsSimulator.Fault.InvalidSyncState());
        ChangeBatch recovered = ews.changesSince(tom, calendar, first.next(), WINDOW);
        assertTrue(recovered.fullRead());
        assertFalse(recovered.next().isNone());
    }

    @Test
    void throttlingFailuresAndRefusalsBecomeThePortsErrors() {
        ProviderConnection tom = as("tom", "tom-secret");
        EWS.failNext(new EwsSimulator.Fault.ServerBusy(30_000L));
        ProviderUnavailableException busy = assertThrows(ProviderUnavailableException.class, () -> ews.listCalendars(tom));
        assertEquals(Duration.ofSeconds(30), busy.retryAfter(), "BackOffMilliseconds is honoured");
        int asked = EWS.requests().size();
        ProviderUnavailableException paused = assertThrows(ProviderUnavailableException.class, () -> ews.listCalendars(tom));
        assertTrue(paused.retryAfter().compareTo(Duration.ofSeconds(25)) > 0, "the pause stands: " + paused.retryAfter());
        assertEquals(asked, EWS.requests().size(), "and no call is made to the server during it");

        // Exchange may name no back-off: the server is paused a few seconds all the same.
        EwsCalendarProvider unnamed = unpaused();
        unnamed.throttle.maxInlinePause = Duration.ZERO;
        EWS.failNext(new EwsSimulator.Fault.ServerBusy(null));
        assertEquals(EwsFailures.UNNAMED_BACK_OFF,
                assertThrows(ProviderUnavailableException.class, () -> unnamed.listCalendars(tom)).retryAfter());

        // A front end's 503 is tried again at once; one that lasts becomes the port's error.
        EwsCalendarProvider fresh = unpaused();
        EWS.failNext(new EwsSimulator.Fault.HttpStatus(503));
        assertEquals(1, fresh.listCalendars(tom).size(), "a moment's 503 is tried again inline");
        for (int i = 0; i < EwsCalendarProvider.INLINE_ATTEMPTS; i++) {
            EWS.failNext(new EwsSimulator.Fault.HttpStatus(503));
        }
        assertThrows(ProviderUnavailableException.class, () -> fresh.listCalendars(tom));

        assertThrows(AuthorisationLostException.class, () -> fresh.listCalendars(as("tom", "wrong")));
    }

    /** An adapter of its own, whose server no earlier call paused. */
    private static EwsCalendarProvider unpaused() {
        EwsCalendarProvider adapter = new EwsCalendarProvider();
        adapter.firstBackOffMs = 10;
        return adapter;
    }

    /**
     * Exchange throttles with a short back-off: the call that met it and a call for another mailbox on the same
     * server both wait it out and then succeed; the simulator records any call made during the back-off.
     */
    @Test
    void aShortBackOffIsWaitedOutByEveryCallToTheServer() throws Exception {
        Duration backOff = Duration.ofMillis(1500);
        Instant started = Instant.now();
        EWS.throttle(backOff);
        CompletableFuture<List<RemoteCalendar>> throttled = CompletableFuture.supplyAsync(
                () -> ews.listCalendars(as("amira", "amira-secret")));
        // Once CalSync has heard the answer: a call sent before that could not have known.
        while (ews.throttle.lastPause(ServerPauses.serverOf(EWS.url())).isEmpty()) {
            Thread.sleep(5);
        }
        assertEquals(1, ews.listCalendars(as("tom", "tom-secret")).size(), "the other call waited, then went through");
        assertEquals(1, throttled.get(10, TimeUnit.SECONDS).size(), "the throttled call was made again after the pause");
        assertTrue(Duration.between(started, Instant.now()).compareTo(backOff) >= 0);
    }

    @Test
    void aServiceAccountActsForEachMailboxUntilItsRoleIsTaken() {
        ProviderConnection forAmira = impersonating("amira@northwind.example");
        String calendar = ews.listCalendars(forAmira).get(0).id();
        assertEquals(EWS.mailbox("amira@northwind.example").items().size(),
                ews.changesSince(forAmira, calendar, SyncCursor.NONE, WINDOW).changed().size());
        assertTrue(EWS.requests().stream().anyMatch(r -> "amira@northwind.example".equals(r.impersonated())));

        EWS.revokeImpersonation("svc-calsync");
        try {
            AuthorisationLostException denied = assertThrows(AuthorisationLostException.class,
                    () -> ews.listCalendars(impersonating("tom@northwind.example")));
            assertTrue(denied.getMessage().contains("ApplicationImpersonation"), denied.getMessage());
        } finally {
            EWS.withServiceAccount("svc-calsync", "svc-secret");
        }
    }

    private static RemoteEvent find(ChangeBatch batch, String remoteId) {
        return batch.changed().stream().filter(e -> e.remoteId().equals(remoteId)).findFirst()
                .orElseThrow(() -> new AssertionError(remoteId + " not in " + batch.changed()));
    }
}
