package org.calsync.infrastructure.provider.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.BusyInterval;
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
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.shared.Language;
import org.calsync.testsupport.graph.GraphSimulator.Fault;
import org.calsync.testsupport.graph.GraphSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Microsoft 365 adapter against the stateful Graph simulator: push, pull, privacy, free/busy, faults. */
class GraphProviderSimulatorTest {

    private static final String TOM = "tom.becker@northwind.example";
    private static final String CALENDAR = "AAMkAGcalendar=";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final TimeWindow WINDOW = new TimeWindow(NOW, NOW.plus(365, ChronoUnit.DAYS));

    private final GraphCalendarProvider graph = new GraphCalendarProvider(1);
    private GraphSimulator simulator;
    private ProviderConnection connection;

    @BeforeEach
    void start() throws Exception {
        simulator = new GraphSimulator().withMailbox(TOM, CALENDAR)
                .withCalendar(TOM, "AAMkAGholidays=", "United Kingdom holidays", false)
                .withMailbox("anna.schmidt@northwind.example", "AAMkAGanna=").signIn("access-token-1", TOM);
        simulator.start();
        connection = new ProviderConnection(URI.create(simulator.baseUrl()), TOM, "access-token-1", LONDON);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private static OutgoingEvent session(String uid, String start, int hours) {
        Instant from = Instant.parse(start);
        return new OutgoingEvent(uid, 0, "Excel for managers",
                new EventTime(from, from.plus(hours, ChronoUnit.HOURS), PARIS), "Room 2",
                URI.create("https://meet.example.org/excel"),
                new EventDetails(null, Staff.alsoTeaching(List.of("Anna Schmidt")),
                URI.create("https://calsync.example.org/portal/"), Language.ENGLISH));
    }

    private static JsonObject ownEvent(String subject, String start, String end, String showAs, String sensitivity) {
        return Json.createObjectBuilder().add("subject", subject).add("showAs", showAs).add("sensitivity", sensitivity)
                .add("start", Json.createObjectBuilder().add("dateTime", start).add("timeZone", "GMT Standard Time"))
                .add("end", Json.createObjectBuilder().add("dateTime", end).add("timeZone", "GMT Standard Time")).build();
    }

    @Test
    void listsTheMailboxCalendarsAndSaysWhichTakeEvents() {
        List<RemoteCalendar> calendars = graph.listCalendars(connection);
        assertEquals(List.of("Calendar", "United Kingdom holidays"), calendars.stream().map(RemoteCalendar::displayName).toList());
        assertEquals(List.of(true, false), calendars.stream().map(RemoteCalendar::writable).toList());
        assertTrue(simulator.requests().get(0).startsWith("GET /v1.0/me/calendars"), simulator.requests().toString());
    }

    @Test
    void pushWritesTheSessionInItsZoneWithOurUidAndARetryNeverDuplicates() {
        WriteResult created = graph.put(connection, CALENDAR, session("calsync-1@northwind.example",
                "2026-12-03T08:00:00Z", 3), null);
        assertTrue(created.created());
        JsonObject stored = simulator.calendar(TOM, CALENDAR).events().get(0);
        assertEquals("Excel for managers", stored.getString("subject"));
        assertEquals("Romance Standard Time", stored.getString("originalStartTimeZone"), "Paris, the Windows way");
        assertEquals("2026-12-03T08:00:00.0000000", stored.getJsonObject("start").getString("dateTime"), "UTC, as read");
        assertEquals("Room 2", stored.getJsonObject("location").getString("displayName"));
        assertTrue(stored.getJsonObject("body").getString("content").contains("Join online: https://meet.example.org/excel"));
        assertEquals("calsync-1@northwind.example", stored.getJsonArray("singleValueExtendedProperties")
                .getJsonObject(0).getString("value"));
        assertTrue(simulator.preferHeaders().stream().allMatch(p -> p.contains("outlook.timezone=\"GMT Standard Time\"")
                && p.contains("IdType=\"ImmutableId\"")), simulator.preferHeaders().toString());

        // The answer was lost; the retry finds our event by its UID and updates it.
        WriteResult again = graph.put(connection, CALENDAR, session("calsync-1@northwind.example",
                "2026-12-03T09:00:00Z", 3), null);
        assertFalse(again.created());
        assertEquals(created.remoteId(), again.remoteId());
        assertEquals(1, simulator.calendar(TOM, CALENDAR).events().size());
        assertEquals("2026-12-03T09:00:00.0000000", simulator.calendar(TOM, CALENDAR).events().get(0)
                .getJsonObject("start").getString("dateTime"));
        assertFalse(again.version().equals(created.version()), "a new change key with every write");
    }

    @Test
    void anUpdateOverAnEditOrADeletionInOutlookIsAConflict() {
        WriteResult created = graph.put(connection, CALENDAR, session("calsync-2@northwind.example", "2026-12-03T08:00:00Z", 3), null);
        WriteResult updated = graph.put(connection, CALENDAR, session("calsync-2@northwind.example", "2026-12-03T08:00:00Z", 2),
                created.version());
        simulator.moveByOwner(TOM, CALENDAR, created.remoteId(), Instant.parse("2026-12-04T08:00:00Z"),
                Instant.parse("2026-12-04T10:00:00Z"));
        assertThrows(VersionConflictException.class, () -> graph.put(connection, CALENDAR,
                session("calsync-2@northwind.example", "2026-12-03T08:00:00Z", 1), updated.version()));
        assertThrows(VersionConflictException.class, () -> graph.delete(connection, CALENDAR, created.remoteId(),
                updated.version()));
        simulator.deleteByOwner(TOM, CALENDAR, created.remoteId());
        assertThrows(VersionConflictException.class, () -> graph.put(connection, CALENDAR,
                session("calsync-2@northwind.example", "2026-12-03T08:00:00Z", 1), updated.version()));
    }

    @Test
    void theCopyExchangeMadeOfAnEmailedInvitationBecomesOurEventInsteadOfASecondOne() {
        String uid = "5f0c1a5e-43b1-3d2a-9c1e-2b7f1c0d9e11@calsync";
        String other = "0b9d7c1e-2f3a-3b4c-8d5e-6f7a8b9c0d1e@calsync";
        Instant start = Instant.parse("2026-12-03T08:00:00Z");
        String copy = simulator.receiveInvitation(TOM, CALENDAR, uid, "Excel for managers", start,
                start.plus(3, ChronoUnit.HOURS), "training@northwind.example");
        String otherCopy = simulator.receiveInvitation(TOM, CALENDAR, other, "Excel for managers", start,
                start.plus(3, ChronoUnit.HOURS), "training@northwind.example");

        // read before the first push: the copies carry CalSync's UIDs, so they are not the person's own busy time
        ChangeBatch read = graph.changesSince(connection, CALENDAR, SyncCursor.NONE, WINDOW);
        assertEquals(List.of(uid, other), read.changed().stream().map(RemoteEvent::uid).toList());

        simulator.clearRequests();
        WriteResult adopted = graph.put(connection, CALENDAR,
                new PendingWrite(session(uid, "2026-12-03T09:00:00Z", 2), null, null, true));
        assertEquals(copy, adopted.remoteId(), "written into the invitation's copy");
        assertFalse(adopted.created());
        assertTrue(simulator.requests().get(1).contains("iCalUId"), simulator.requests().toString());
        JsonObject stored = simulator.calendar(TOM, CALENDAR).events().stream()
                .filter(e -> e.getString("id").equals(copy)).findFirst().orElseThrow();
        assertEquals("2026-12-03T09:00:00.0000000", stored.getJsonObject("start").getString("dateTime"));
        assertEquals(uid, stored.getJsonArray("singleValueExtendedProperties").getJsonObject(0).getString("value"));

        simulator.clearRequests();
        WriteResult next = graph.put(connection, CALENDAR, session(uid, "2026-12-03T10:00:00Z", 2), adopted.version());
        assertEquals(copy, next.remoteId(), "found again by CalSync's own property");
        assertTrue(simulator.requests().stream().noneMatch(r -> r.contains("iCalUId")), simulator.requests().toString());

        List<WriteOutcome> burst = graph.putAll(connection, CALENDAR, List.of(
                new PendingWrite(session(other, "2026-12-03T09:00:00Z", 2), null, null, true),
                new PendingWrite(session("calsync-new@northwind.example", "2026-12-03T09:00:00Z", 2), null, null, true)));
        assertEquals(otherCopy, burst.get(0).result().remoteId(), "a burst takes copies over too");
        assertTrue(burst.get(1).result().created(), "no copy: a new event");
        assertEquals(3, simulator.calendar(TOM, CALENDAR).events().size(), "one event per session");
    }

    @Test
    void aPersonNeverEmailedAnInvitationCostsNoSearchForOne() {
        simulator.clearRequests();
        graph.put(connection, CALENDAR, session("calsync-4@northwind.example", "2026-12-03T08:00:00Z", 1), null);
        assertEquals(2, simulator.requests().size(), "find ours, then create: " + simulator.requests());
    }

    @Test
    void deletingTwiceIsNotAnError() {
        WriteResult created = graph.put(connection, CALENDAR, session("calsync-3@northwind.example", "2026-12-03T08:00:00Z", 1), null);
        graph.delete(connection, CALENDAR, created.remoteId(), null);
        graph.delete(connection, CALENDAR, created.remoteId(), null);
        assertEquals(List.of(), simulator.calendar(TOM, CALENDAR).events());
    }

    @Test
    void pullReadsBusyTimesWithShowAsAndPrivacyThenOnlyWhatChanged() {
        String meeting = simulator.putByOwner(TOM, CALENDAR, null, ownEvent("Budget review", "2026-12-03T09:00:00",
                "2026-12-03T10:30:00", "busy", "normal"));
        String doctor = simulator.putByOwner(TOM, CALENDAR, null, ownEvent("Doctor", "2026-12-04T14:00:00",
                "2026-12-04T15:00:00", "tentative", "private"));
        String leeds = simulator.putByOwner(TOM, CALENDAR, null, ownEvent("Leeds office", "2026-12-09T08:00:00",
                "2026-12-09T17:00:00", "workingElsewhere", "normal"));
        String lunch = simulator.putByOwner(TOM, CALENDAR, null, ownEvent("Lunch", "2026-12-10T12:00:00",
                "2026-12-10T13:00:00", "free", "normal"));
        String holiday = simulator.putByOwner(TOM, CALENDAR, null, Json.createObjectBuilder(ownEvent("Christmas",
                "2026-12-24T00:00:00", "2026-12-28T00:00:00", "oof", "normal")).add("isAllDay", true).build());

        ChangeBatch first = graph.changesSince(connection, CALENDAR, SyncCursor.NONE, WINDOW);
        assertTrue(first.fullRead());
        Map<String, RemoteEvent> byId = byId(first);
        assertEquals(List.of(new BusyInterval(Instant.parse("2026-12-03T09:00:00Z"), Instant.parse("2026-12-03T10:30:00Z"),
                false)), byId.get(meeting).busy());
        assertEquals("Budget review", byId.get(meeting).title());
        assertNull(byId.get(doctor).title(), "a private event keeps its times only");
        assertEquals(1, byId.get(doctor).busy().size(), "tentative blocks time");
        assertEquals(List.of(), byId.get(leeds).busy(), "working elsewhere leaves the person available");
        assertEquals(List.of(), byId.get(lunch).busy(), "free blocks nothing");
        BusyInterval christmas = byId.get(holiday).busy().get(0);
        assertTrue(christmas.allDay());
        assertEquals(Instant.parse("2026-12-24T00:00:00Z"), christmas.start(), "London's midnight");

        simulator.clearRequests();
        ChangeBatch unchanged = graph.changesSince(connection, CALENDAR, first.next(), WINDOW);
        assertTrue(unchanged.isEmpty());
        assertFalse(unchanged.fullRead());
        assertEquals(1, unchanged.requests(), "an unchanged calendar costs one request");
        assertEquals(1, simulator.requests().size());

        simulator.moveByOwner(TOM, CALENDAR, meeting, Instant.parse("2026-12-03T14:00:00Z"), Instant.parse("2026-12-03T15:00:00Z"));
        simulator.deleteByOwner(TOM, CALENDAR, lunch);
        ChangeBatch changes = graph.changesSince(connection, CALENDAR, unchanged.next(), WINDOW);
        assertEquals(List.of(meeting), changes.changed().stream().map(RemoteEvent::remoteId).toList());
        assertEquals(Instant.parse("2026-12-03T14:00:00Z"), changes.changed().get(0).busy().get(0).start());
        assertEquals(List.of(lunch), changes.removed());
    }

    @Test
    void anExpiredDeltaLinkOrAMovedWindowLeadsToAFullRead() {
        simulator.putByOwner(TOM, CALENDAR, null, ownEvent("Budget review", "2026-12-03T09:00:00", "2026-12-03T10:30:00",
                "busy", "normal"));
        ChangeBatch first = graph.changesSince(connection, CALENDAR, SyncCursor.NONE, WINDOW);
        simulator.expireDeltaLinks();
        ChangeBatch again = graph.changesSince(connection, CALENDAR, first.next(), WINDOW);
        assertTrue(again.fullRead(), "410 SyncStateNotFound");
        assertEquals(1, again.changed().size());

        TimeWindow weeksLater = new TimeWindow(WINDOW.from().plus(10, ChronoUnit.DAYS), WINDOW.to().plus(10, ChronoUnit.DAYS));
        assertTrue(graph.changesSince(connection, CALENDAR, again.next(), weeksLater).fullRead(),
                "a delta link only knows the window it started with");
        TimeWindow nextDay = new TimeWindow(WINDOW.from().plus(1, ChronoUnit.DAYS), WINDOW.to().plus(1, ChronoUnit.DAYS));
        assertFalse(graph.changesSince(connection, CALENDAR, again.next(), nextDay).fullRead());
    }

    @Test
    void aLongCalendarIsReadPageByPage() {
        for (int i = 0; i < 230; i++) {
            Instant start = NOW.plus(i, ChronoUnit.HOURS);
            simulator.putByOwner(TOM, CALENDAR, null, Json.createObjectBuilder().add("subject", "Slot " + i)
                    .add("start", GraphSimulator.utcTime(start)).add("end", GraphSimulator.utcTime(start.plusSeconds(1800)))
                    .build());
        }
        ChangeBatch batch = graph.changesSince(connection, CALENDAR, SyncCursor.NONE, WINDOW);
        assertEquals(230, batch.changed().size());
        assertEquals(3, batch.requests(), "pages of 100");
        assertTrue(simulator.requests().get(1).contains("$skiptoken"), simulator.requests().toString());
    }

    @Test
    void throttlingIsWaitedOutAsGraphSaysAndPersistentFailureIsReportedWithItsDelay() {
        List<Duration> waited = new ArrayList<>();
        graph.pauses = waited::add;
        simulator.failNext(new Fault(429, "1", simulator.fixture("error-throttled.json")), new Fault(429, null, null),
                new Fault(503, null, null));
        assertEquals(2, graph.listCalendars(connection).size());
        assertEquals(4, simulator.requests().size(), "three refusals, then the answer");
        assertEquals(3, waited.size(), "each wait is told to the metrics: " + waited);
        assertEquals(Duration.ofSeconds(1), waited.get(0), "Graph's own Retry-After");

        simulator.failNext(new Fault(429, "120", simulator.fixture("error-throttled.json")));
        ProviderUnavailableException later = assertThrows(ProviderUnavailableException.class,
                () -> graph.listCalendars(connection));
        assertEquals(Duration.ofSeconds(120), later.retryAfter(), "a long Retry-After reschedules instead of waiting");
        assertTrue(later.getMessage().contains("TooManyRequests"), later.getMessage());

        simulator.failNext(new Fault(503, null, null), new Fault(503, null, null), new Fault(503, null, null),
                new Fault(503, null, null));
        assertThrows(ProviderUnavailableException.class, () -> graph.listCalendars(connection));

        simulator.failNext(new Fault(200, null, "{\"value\": [ {\"id\": "));
        ProviderUnavailableException unreadable = assertThrows(ProviderUnavailableException.class,
                () -> graph.listCalendars(connection));
        assertTrue(unreadable.getMessage().contains("unreadable"), unreadable.getMessage());
    }

    @Test
    void aRefusedTokenMeansReconsent() {
        graph.listCalendars(connection);
        simulator.refuseTokensSeenSoFar();
        assertThrows(AuthorisationLostException.class, () -> graph.changesSince(connection, CALENDAR, SyncCursor.NONE, WINDOW));
    }

    @Test
    void freeBusyAsksInChunksOfTwentyPeopleAndSixtyTwoDays() {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            String email = "person" + i + "@northwind.example";
            people.add(email);
            simulator.withSchedule(email, NOW.plus(i, ChronoUnit.DAYS), NOW.plus(i, ChronoUnit.DAYS).plusSeconds(3600));
        }
        people.add("anna.schmidt@northwind.example");
        people.add("visitor@elsewhere.example");
        simulator.putByOwner("anna.schmidt@northwind.example", "AAMkAGanna=", null, ownEvent("Planning",
                "2027-03-01T09:00:00", "2027-03-01T10:00:00", "busy", "normal"));
        simulator.clearRequests();

        Map<String, List<BusyInterval>> busy = graph.freeBusy(connection, people, WINDOW);
        assertEquals(3 * 6, simulator.requests().size(), "47 people in 3 chunks, 365 days in 6");
        assertEquals(46, busy.size(), "someone outside the organisation is left out");
        assertEquals(List.of(new BusyInterval(NOW.plus(7, ChronoUnit.DAYS), NOW.plus(7, ChronoUnit.DAYS).plusSeconds(3600),
                false)), busy.get("person7@northwind.example"));
        assertEquals(Instant.parse("2027-03-01T09:00:00Z"), busy.get("anna.schmidt@northwind.example").get(0).start());
    }

    @Test
    void neverMoreThanFourRequestsAreInFlightToOneMailbox() throws Exception {
        simulator.withLatency(Duration.ofMillis(40));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<WriteResult>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String uid = "calsync-burst-" + i + "@northwind.example";
                writes.add(pool.submit(() -> graph.put(connection, CALENDAR, session(uid, "2026-12-03T08:00:00Z", 1), null)));
            }
            for (Future<WriteResult> write : writes) {
                assertTrue(write.get().created());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(simulator.mostInFlightToOneMailbox() <= 4, "in flight: " + simulator.mostInFlightToOneMailbox());
        assertEquals(4, simulator.mostInFlightToOneMailbox(), "ten threads do use the four");
        assertEquals(20, simulator.calendar(TOM, CALENDAR).events().size());
    }

    @Test
    void aBurstGoesThroughBatchesOfTwentyAndAgainUpdatesWithoutDuplicates() {
        List<PendingWrite> burst = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            burst.add(new PendingWrite(session("calsync-batch-" + i + "@northwind.example", "2026-12-03T08:00:00Z", 1), null));
        }
        List<WriteOutcome> created = graph.putAll(connection, CALENDAR, burst);
        assertTrue(created.stream().allMatch(o -> o.succeeded() && o.result().created()), created.toString());
        assertEquals(6, simulator.requests().size(), "45 writes: 3 batches to find, 3 to write");
        assertEquals(45, simulator.calendar(TOM, CALENDAR).events().size());

        simulator.clearRequests();
        List<PendingWrite> again = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            // The third was moved in Outlook since: only that write is refused.
            again.add(new PendingWrite(burst.get(i).event(), i == 2 ? "W/\"stale\"" : created.get(i).result().version()));
        }
        List<WriteOutcome> updated = graph.putAll(connection, CALENDAR, again);
        assertTrue(updated.get(2).failure() instanceof VersionConflictException, String.valueOf(updated.get(2)));
        assertEquals(44, updated.stream().filter(o -> o.succeeded() && !o.result().created()).count());
        assertEquals(45, simulator.calendar(TOM, CALENDAR).events().size(), "no duplicates");
    }

    @Test
    void theOrganisationsGrantReachesAMailboxByAddress() {
        ProviderConnection orgWide = new ProviderConnection(URI.create(simulator.baseUrl()), "app", "app-token", LONDON,
                "anna.schmidt@northwind.example");
        graph.put(orgWide, "AAMkAGanna=", session("calsync-4@northwind.example", "2026-12-03T08:00:00Z", 1), null);
        assertEquals(1, simulator.calendar("anna.schmidt@northwind.example", "AAMkAGanna=").events().size());
        assertTrue(simulator.requests().stream().allMatch(r -> r.contains("/v1.0/users/anna.schmidt%40northwind.example/")),
                simulator.requests().toString());
    }

    private static Map<String, RemoteEvent> byId(ChangeBatch batch) {
        return batch.changed().stream().collect(java.util.stream.Collectors.toMap(RemoteEvent::remoteId, e -> e));
    }
}
