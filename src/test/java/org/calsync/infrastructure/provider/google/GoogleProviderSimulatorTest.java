package org.calsync.infrastructure.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

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
import org.calsync.testsupport.google.GoogleCalendarSimulator.Fault;
import org.calsync.testsupport.google.GoogleCalendarSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Google adapter against the stateful Calendar API simulator: push, pull, privacy, faults. */
class GoogleProviderSimulatorTest {

    private static final String PRIMARY = "ines.moreau@gmail.example";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final TimeWindow WINDOW = new TimeWindow(NOW, NOW.plus(365, ChronoUnit.DAYS));

    private final GoogleCalendarProvider google = new GoogleCalendarProvider(1);
    private GoogleCalendarSimulator simulator;
    private ProviderConnection connection;

    @BeforeEach
    void start() throws Exception {
        simulator = new GoogleCalendarSimulator().withCalendar(PRIMARY, PRIMARY, "owner")
                .withCalendar("holidays@group.v.calendar.google.example", "Holidays", "reader")
                .withCalendar("boss@gmail.example", "boss", "freeBusyReader");
        simulator.start();
        connection = new ProviderConnection(URI.create(simulator.baseUrl()), PRIMARY, "access-token-1", PARIS);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private static OutgoingEvent session(String uid, String start, int hours, int sequence) {
        Instant from = Instant.parse(start);
        return new OutgoingEvent(uid, sequence, "Excel for managers",
                new EventTime(from, from.plus(hours, ChronoUnit.HOURS), PARIS), "Room 2",
                URI.create("https://meet.example.org/excel"),
                new EventDetails(null, Staff.alsoTeaching(List.of("Tom Becker")),
                URI.create("https://calsync.example.org/portal/"), Language.ENGLISH));
    }

    private static JsonObject ownEvent(String summary, String start, String end) {
        return Json.createObjectBuilder().add("summary", summary)
                .add("start", Json.createObjectBuilder().add("dateTime", start))
                .add("end", Json.createObjectBuilder().add("dateTime", end)).build();
    }

    @Test
    void listsTheCalendarsItCanReadAndSaysWhichTakeEvents() {
        List<RemoteCalendar> calendars = google.listCalendars(connection);
        assertEquals(List.of(PRIMARY, "holidays@group.v.calendar.google.example"),
                calendars.stream().map(RemoteCalendar::id).toList(), "free/busy-only calendars cannot be read");
        assertTrue(calendars.get(0).writable());
        assertFalse(calendars.get(1).writable());
    }

    @Test
    void aPushCarriesOurUidAndARetryAfterALostAnswerUpdatesInsteadOfDuplicating() {
        WriteResult first = google.put(connection, PRIMARY, session("s-1@calsync", "2026-12-03T08:00:00Z", 3, 0), null);
        assertTrue(first.created());
        JsonObject stored = simulator.calendar(PRIMARY).events().get(0);
        assertEquals("s-1@calsync", stored.getString("iCalUID"));
        assertEquals("s-1@calsync", stored.getJsonObject("extendedProperties").getJsonObject("private")
                .getString(GoogleEvents.UID_PROPERTY));
        assertEquals("Europe/Paris", stored.getJsonObject("start").getString("timeZone"));
        assertEquals("2026-12-03T09:00+01:00", stored.getJsonObject("start").getString("dateTime"));
        assertEquals("Room 2", stored.getString("location"));
        assertTrue(stored.getString("description").contains("https://meet.example.org/excel"));
        assertTrue(stored.getString("description").contains("Tom Becker"));

        WriteResult retried = google.put(connection, PRIMARY, session("s-1@calsync", "2026-12-03T08:00:00Z", 3, 0), null);
        assertFalse(retried.created());
        assertEquals(first.remoteId(), retried.remoteId());
        assertEquals(1, simulator.calendar(PRIMARY).events().size(), "no duplicate");
    }

    @Test
    void theCopyGmailMadeOfAnEmailedInvitationBecomesOurEventInsteadOfASecondOne() {
        Instant start = Instant.parse("2026-12-03T08:00:00Z");
        String copy = simulator.receiveInvitation(PRIMARY, "s-9@calsync", "Excel for managers", start,
                start.plus(3, ChronoUnit.HOURS), "training@northwind.example").getString("id");
        String otherCopy = simulator.receiveInvitation(PRIMARY, "s-10@calsync", "Excel for managers", start,
                start.plus(3, ChronoUnit.HOURS), "training@northwind.example").getString("id");

        WriteResult adopted = google.put(connection, PRIMARY,
                new PendingWrite(session("s-9@calsync", "2026-12-03T09:00:00Z", 2, 1), null, null, true));
        assertEquals(copy, adopted.remoteId(), "written into the invitation's copy");
        assertFalse(adopted.created());
        JsonObject stored = simulator.calendar(PRIMARY).events().stream().filter(e -> e.getString("id").equals(copy))
                .findFirst().orElseThrow();
        assertEquals("2026-12-03T10:00+01:00", stored.getJsonObject("start").getString("dateTime"));
        assertEquals("s-9@calsync", stored.getJsonObject("extendedProperties").getJsonObject("private")
                .getString(GoogleEvents.UID_PROPERTY));

        // later writes go where it was written, which is not the id the UID gives
        WriteResult moved = google.put(connection, PRIMARY, new PendingWrite(
                session("s-9@calsync", "2026-12-03T12:00:00Z", 2, 2), adopted.version(), adopted.remoteId(), false));
        assertEquals(copy, moved.remoteId());
        WriteResult over = google.put(connection, PRIMARY, new PendingWrite(
                session("s-9@calsync", "2026-12-03T13:00:00Z", 2, 3), "\"stale\"", adopted.remoteId(), false)
                .overEdits());
        assertEquals(copy, over.remoteId(), "written over an edit: still into the copy, not beside it");

        List<WriteOutcome> burst = google.putAll(connection, PRIMARY, List.of(
                new PendingWrite(session("s-10@calsync", "2026-12-03T09:00:00Z", 2, 1), null, null, true),
                new PendingWrite(session("s-11@calsync", "2026-12-03T09:00:00Z", 2, 0), null, null, true)));
        assertEquals(otherCopy, burst.get(0).result().remoteId(), "a burst takes copies over too");
        assertTrue(burst.get(1).result().created(), "no copy: a new event");
        assertEquals(3, simulator.calendar(PRIMARY).events().size(), "one event per session");
    }

    @Test
    void anUpdateOverAnEditInGoogleIsAConflictAndTheCurrentVersionWins() {
        WriteResult written = google.put(connection, PRIMARY, session("s-2@calsync", "2026-12-03T08:00:00Z", 3, 0), null);
        WriteResult moved = google.put(connection, PRIMARY, session("s-2@calsync", "2026-12-03T12:00:00Z", 3, 1),
                written.version());
        assertFalse(moved.version().equals(written.version()), "a new etag for every write");
        assertThrows(VersionConflictException.class, () -> google.put(connection, PRIMARY,
                session("s-2@calsync", "2026-12-04T12:00:00Z", 3, 2), written.version()));
        assertThrows(VersionConflictException.class, () -> google.delete(connection, PRIMARY, moved.remoteId(),
                written.version()));
        google.delete(connection, PRIMARY, moved.remoteId(), moved.version());
        assertEquals(List.of(), simulator.calendar(PRIMARY).events());
        google.delete(connection, PRIMARY, moved.remoteId(), null); // gone already: not an error
    }

    @Test
    void theFirstPullReadsTheWindowThenOnlyChangesAndAnUnchangedReReadCostsOneRequest() {
        simulator.putByOwner(PRIMARY, ownEvent("Dentist", "2026-12-03T09:00:00+01:00", "2026-12-03T10:00:00+01:00"));
        simulator.putByOwner(PRIMARY, ownEvent("Last year", "2025-12-03T09:00:00+01:00", "2025-12-03T10:00:00+01:00"));
        ChangeBatch first = google.changesSince(connection, PRIMARY, SyncCursor.NONE, WINDOW);
        assertTrue(first.fullRead());
        assertEquals(List.of("Dentist"), first.changed().stream().map(RemoteEvent::title).toList());
        assertEquals(List.of(new BusyInterval(Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-03T09:00:00Z"),
                false)), first.changed().get(0).busy());

        ChangeBatch unchanged = google.changesSince(connection, PRIMARY, first.next(), WINDOW);
        assertTrue(unchanged.isEmpty());
        assertFalse(unchanged.fullRead());
        assertEquals(1, unchanged.requests());

        String dentist = first.changed().get(0).remoteId();
        JsonObject moved = simulator.putByOwner(PRIMARY, Json.createObjectBuilder(ownEvent("Dentist",
                "2026-12-03T15:00:00+01:00", "2026-12-03T16:00:00+01:00")).add("id", dentist).build());
        JsonObject added = simulator.putByOwner(PRIMARY, ownEvent("Gym", "2026-12-05T18:00:00+01:00",
                "2026-12-05T19:00:00+01:00"));
        simulator.deleteByOwner(PRIMARY, added.getString("id"));
        ChangeBatch changes = google.changesSince(connection, PRIMARY, unchanged.next(), WINDOW);
        assertEquals(List.of(dentist), changes.changed().stream().map(RemoteEvent::remoteId).toList());
        assertEquals(moved.getString("etag"), changes.changed().get(0).version());
        assertEquals(Instant.parse("2026-12-03T14:00:00Z"), changes.changed().get(0).busy().get(0).start());
        assertEquals(List.of(added.getString("id")), changes.removed());
    }

    @Test
    void anExpiredSyncTokenLeadsToAFullReadOfTheWindow() {
        simulator.putByOwner(PRIMARY, ownEvent("Dentist", "2026-12-03T09:00:00+01:00", "2026-12-03T10:00:00+01:00"));
        ChangeBatch first = google.changesSince(connection, PRIMARY, SyncCursor.NONE, WINDOW);
        simulator.expireSyncTokens();
        ChangeBatch again = google.changesSince(connection, PRIMARY, first.next(), WINDOW);
        assertTrue(again.fullRead());
        assertEquals(1, again.changed().size());
        assertEquals(2, again.requests(), "the refused token, then the full read");
    }

    @Test
    void privateEventsKeepTheirTimesOnlyFreeOnesBlockNothingAndAllDayOnesFollowTheOwnersZone() {
        simulator.putByOwner(PRIMARY, Json.createObjectBuilder(ownEvent("Hospital", "2026-12-04T14:00:00Z",
                "2026-12-04T15:00:00Z")).add("visibility", "private").build());
        simulator.putByOwner(PRIMARY, Json.createObjectBuilder(ownEvent("Garden", "2026-12-05T08:00:00Z",
                "2026-12-05T17:00:00Z")).add("transparency", "transparent").build());
        simulator.putByOwner(PRIMARY, Json.createObjectBuilder().add("summary", "Conference")
                .add("start", Json.createObjectBuilder().add("date", "2026-12-07"))
                .add("end", Json.createObjectBuilder().add("date", "2026-12-09")).build());
        Map<String, RemoteEvent> read = google.changesSince(connection, PRIMARY, SyncCursor.NONE, WINDOW).changed()
                .stream().collect(java.util.stream.Collectors.toMap(e -> e.title() == null ? "private" : e.title(), e -> e));
        assertNull(read.get("private").title());
        assertTrue(read.get("private").privateEvent());
        assertEquals(1, read.get("private").busy().size());
        assertEquals(List.of(), read.get("Garden").busy());
        BusyInterval conference = read.get("Conference").busy().get(0);
        assertTrue(conference.allDay());
        assertEquals(Instant.parse("2026-12-06T23:00:00Z"), conference.start());
        assertEquals(Instant.parse("2026-12-08T23:00:00Z"), conference.end());
    }

    @Test
    void throttlingIsRetriedWithBackOffAndHonoursRetryAfter() {
        simulator.failNext(new Fault(429, "0", GoogleCalendarSimulator.fixture("error-tooManyRequests.json")),
                new Fault(403, null, GoogleCalendarSimulator.fixture("error-rateLimitExceeded.json")),
                new Fault(503, null, ""));
        assertEquals(2, google.listCalendars(connection).size());
        assertEquals(4, simulator.requests().size(), "three refusals, then the answer");
    }

    @Test
    void aServerThatKeepsFailingIsUnavailableAndAPushIsNotDuplicatedWhenItComesBack() {
        simulator.failNext(new Fault(503, null, ""), new Fault(503, null, ""), new Fault(503, null, ""),
                new Fault(503, null, ""));
        ProviderUnavailableException down = assertThrows(ProviderUnavailableException.class, () -> google.put(connection,
                PRIMARY, session("s-3@calsync", "2026-12-03T08:00:00Z", 1, 0), null));
        assertTrue(down.getMessage().contains("503"), down.getMessage());
        google.put(connection, PRIMARY, session("s-3@calsync", "2026-12-03T08:00:00Z", 1, 0), null);
        google.put(connection, PRIMARY, session("s-3@calsync", "2026-12-03T08:00:00Z", 1, 0), null);
        assertEquals(1, simulator.calendar(PRIMARY).events().size());
    }

    @Test
    void aMalformedAnswerIsAnErrorNotAGuessAndARefusedTokenMeansReconsent() {
        simulator.failNext(new Fault(200, null, "{\"items\": [ {\"id\": "));
        ProviderUnavailableException unreadable = assertThrows(ProviderUnavailableException.class,
                () -> google.changesSince(connection, PRIMARY, SyncCursor.NONE, WINDOW));
        assertTrue(unreadable.getMessage().contains("unreadable"), unreadable.getMessage());
        simulator.refuseToken("access-token-1");
        assertThrows(AuthorisationLostException.class, () -> google.listCalendars(connection));
    }

    @Test
    void freeBusyAnswersForPeopleGoogleKnowsAndLeavesOutTheOthers() {
        simulator.withFreeBusy("tom.becker@northwind.example", Instant.parse("2026-12-02T09:00:00Z"),
                Instant.parse("2026-12-02T10:30:00Z"));
        Map<String, List<BusyInterval>> busy = google.freeBusy(connection, List.of("tom.becker@northwind.example",
                "nobody@northwind.example"), WINDOW);
        assertEquals(List.of("tom.becker@northwind.example"), List.copyOf(busy.keySet()));
        assertEquals(Instant.parse("2026-12-02T09:00:00Z"), busy.get("tom.becker@northwind.example").get(0).start());
    }
}
