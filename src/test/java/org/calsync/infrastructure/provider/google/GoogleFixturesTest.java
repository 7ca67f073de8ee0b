package org.calsync.infrastructure.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.EventDetails;
import org.calsync.domain.model.calendar.EventTime;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.tenant.OnlineMeetingKind;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.Staff;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.domain.shared.Language;
import org.calsync.testsupport.google.GoogleCalendarSimulator.Fault;
import org.calsync.testsupport.google.GoogleCalendarSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bodies of the Calendar API reference, kept under {@code fixtures/google}, read by the adapter exactly as
 * Google sends them: every fixture is valid JSON, and each answer means what the documentation says.
 */
class GoogleFixturesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-12-01T00:00:00Z"),
            Instant.parse("2027-12-01T00:00:00Z"));

    private final GoogleCalendarProvider google = new GoogleCalendarProvider(1);
    private GoogleCalendarSimulator simulator;
    private ProviderConnection connection;

    @BeforeEach
    void start() throws IOException {
        simulator = new GoogleCalendarSimulator().withCalendar("primary", "primary", "owner");
        simulator.start();
        connection = new ProviderConnection(URI.create(simulator.baseUrl()), "ines", "token", PARIS);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    /** The simulator answers the next request with the fixture, word for word. */
    private void answers(int status, String fixture) {
        simulator.failNext(new Fault(status, null, GoogleCalendarSimulator.fixture(fixture)));
    }

    @Test
    void everyFixtureIsJsonOfTheDocumentedKind() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures/google"))) {
            // batch-response.txt is multipart, read by aBatchAnswerGivesEachCallItsOwnOutcome
            List<Path> fixtures = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertTrue(fixtures.size() >= 9, "fixtures: " + fixtures);
            for (Path fixture : fixtures) {
                JsonObject body = Json.createReader(new StringReader(Files.readString(fixture))).readObject();
                assertTrue(body.containsKey("kind") || body.containsKey("error"), fixture + " has a kind or an error");
            }
        }
    }

    @Test
    void theCalendarListLeavesOutFreeBusyOnlyCalendarsAndPrefersThePersonsOwnName() {
        answers(200, "calendarList.json");
        List<RemoteCalendar> calendars = google.listCalendars(connection);
        assertEquals(List.of("ines.moreau@gmail.example", "Coaching (mine)", "Holidays in France"),
                calendars.stream().map(RemoteCalendar::displayName).toList());
        assertEquals(List.of(true, true, false), calendars.stream().map(RemoteCalendar::writable).toList());
    }

    @Test
    void aFullListReadsTimedAllDayPrivateFreeAndMovedOccurrences() {
        answers(200, "events-full.json");
        ChangeBatch batch = google.changesSince(connection, "primary", SyncCursor.NONE, WINDOW);
        assertEquals("CPDAlvWDx70CEPDAlvWDx70CGAU=", batch.next().value());
        Map<String, RemoteEvent> byId = batch.changed().stream().collect(java.util.stream.Collectors.toMap(
                RemoteEvent::remoteId, e -> e));
        assertEquals(6, byId.size());
        assertEquals(List.of(new BusyInterval(Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-03T09:00:00Z"),
                false)), byId.get("7kq1r6u5nb2g0jv3c2ug6v1p8s").busy());
        assertEquals("\"3422771112345000\"", byId.get("7kq1r6u5nb2g0jv3c2ug6v1p8s").version());
        assertEquals(Instant.parse("2026-12-06T23:00:00Z"), byId.get("2b1k9c0m4e6s8h2d0f4a6c8e1g").busy().get(0).start());
        assertNull(byId.get("5d3f7h9j1l3n5p7r9t1v3b5d7f").title());
        assertEquals(List.of(), byId.get("9a8b7c6d5e4f3g2h1i0j9k8l7m").busy());
        RemoteEvent moved = byId.get("0r2t4v6b8d0f2h4j6l8n0p2r4t_20261210T090000Z");
        assertEquals(Instant.parse("2026-12-10T10:00:00Z"), moved.busy().get(0).start(), "the occurrence where it is now");
        assertEquals(List.of(), byId.get("4h6j8l0n2p4r6t8v0x2z4b6d8f").busy(), "an invitation the owner declined");
    }

    @Test
    void anIncrementalListReportsDeletionsFindsOurUidAndSkipsWhatItCannotRead() {
        answers(200, "events-incremental.json");
        ChangeBatch batch = google.changesSince(connection, "primary", new SyncCursor("earlier"), WINDOW);
        assertEquals(List.of("7kq1r6u5nb2g0jv3c2ug6v1p8s"), batch.removed());
        assertEquals(List.of("calsync-3f2a@northwind.example"), batch.changed().stream().map(RemoteEvent::uid).toList());
        assertEquals(1, batch.skipped().size());
        assertTrue(batch.skipped().get(0).reason().contains("start"), batch.skipped().get(0).reason());
    }

    @Test
    void fullSyncRequiredLeadsToAFullReadAndAnAuthErrorToReconsent() {
        answers(410, "error-fullSyncRequired.json");
        answers(200, "events-full.json");
        ChangeBatch batch = google.changesSince(connection, "primary", new SyncCursor("expired"), WINDOW);
        assertTrue(batch.fullRead());
        answers(401, "error-authError.json");
        assertThrows(AuthorisationLostException.class, () -> google.listCalendars(connection));
    }

    @Test
    void anInsertedEventGivesItsIdAndEtag() {
        answers(200, "event-inserted.json");
        var written = google.put(connection, "primary", new OutgoingEvent("calsync-3f2a@northwind.example", 0,
                "Excel for managers",
                new EventTime(Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-03T11:00:00Z"), PARIS),
                "Room 2", null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH)), null);
        assertEquals("cs0k3m5o7q9s1u3a5c7e9g1i3k5m7o9q1s3u5a7c9e1g3i5k7m9o1q3", written.remoteId());
        assertEquals("\"3423000443210000\"", written.version());
    }

    @Test
    void anEventThatHostsAMeetConferenceAsksForOneAndGivesItsVideoEntryPoint() {
        OutgoingEvent event = new OutgoingEvent("calsync-3f2b@northwind.example", 0, "Excel for managers",
                new EventTime(Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-03T11:00:00Z"), PARIS),
                null, null, new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH))
                .hosting(OnlineMeetingKind.GOOGLE_MEET);
        JsonObject body = Json.createReader(new StringReader(GoogleEvents.toJson(event))).readObject();
        JsonObject request = body.getJsonObject("conferenceData").getJsonObject("createRequest");
        assertEquals("hangoutsMeet", request.getJsonObject("conferenceSolutionKey").getString("type"));
        assertEquals(request.getString("requestId"), Json.createReader(new StringReader(GoogleEvents.toJson(event)))
                .readObject().getJsonObject("conferenceData").getJsonObject("createRequest").getString("requestId"),
                "the same request every time, so that Google makes one conference");
        assertEquals(Map.of("conferenceDataVersion", "1"), GoogleEvents.writeParameters(event));
        OutgoingEvent attendee = new OutgoingEvent("calsync-3f2d@northwind.example", 0, "Excel", event.time(), null,
                URI.create("https://meet.google.com/xyz-abcd-pqr"), event.details()).joining(OnlineMeetingKind.GOOGLE_MEET);
        JsonObject copied = Json.createReader(new StringReader(GoogleEvents.toJson(attendee))).readObject()
                .getJsonObject("conferenceData");
        assertEquals("xyz-abcd-pqr", copied.getString("conferenceId"), "an attendee's copy of the same conference");
        assertEquals("https://meet.google.com/xyz-abcd-pqr", copied.getJsonArray("entryPoints").getJsonObject(0).getString("uri"));
        assertEquals(Map.of("conferenceDataVersion", "1"), GoogleEvents.writeParameters(attendee));

        answers(200, "event-inserted-meet.json");
        var written = google.put(connection, "primary", event, null);
        assertEquals("https://meet.google.com/xyz-abcd-pqr", written.meeting().joinUrl().toString());
        assertTrue(simulator.requests().get(0).contains("conferenceDataVersion=1"), simulator.requests().toString());

        // Meet turned off: Google writes the event and says the conference failed.
        simulator.failNext(new Fault(200, null, Json.createObjectBuilder(Json.createReader(new StringReader(
                GoogleCalendarSimulator.fixture("event-inserted.json"))).readObject()).add("conferenceData", Json.createObjectBuilder()
                .add("createRequest", Json.createObjectBuilder().add("requestId", request.getString("requestId"))
                        .add("status", Json.createObjectBuilder().add("statusCode", "failure")))).build().toString()));
        var refused = google.put(connection, "primary", event, null);
        assertFalse(refused.meeting().isCreated());
        assertTrue(refused.meeting().refusal().contains("Google Meet"), refused.meeting().refusal());
    }

    /**
     * A batch answer in the shape of the batch guide's example: a multipart/mixed body whose parts answer the
     * calls by Content-ID, each an HTTP response of its own. On the wire its lines end in CRLF.
     */
    @Test
    void aBatchAnswerGivesEachCallItsOwnOutcome() {
        String body = GoogleCalendarSimulator.fixture("batch-response.txt").replace("\r\n", "\n").replace("\n", "\r\n");
        simulator.failNext(new Fault(200, null, body, "multipart/mixed; boundary=batch_pK7JBAk73-E=_AA5eFwv4m2Q="));
        OutgoingEvent created = new OutgoingEvent("calsync-3f2a@northwind.example", 0, "Excel for managers",
                new EventTime(Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-03T11:00:00Z"), PARIS),
                "Room 2", null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH));
        OutgoingEvent edited = new OutgoingEvent("calsync-77c1@northwind.example", 1, "Python for analysts",
                new EventTime(Instant.parse("2026-12-04T08:00:00Z"), Instant.parse("2026-12-04T11:00:00Z"), PARIS),
                null, null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH));

        List<WriteOutcome> outcomes = google.putAll(connection, "primary",
                List.of(new PendingWrite(created, null), new PendingWrite(edited, "\"3422999000000000\"")));

        assertEquals("cs0k3m5o7q9s1u3a5c7e9g1i3k5m7o9q1s3u5a7c9e1g3i5k7m9o1q3", outcomes.get(0).result().remoteId());
        assertEquals("\"3423000443210000\"", outcomes.get(0).result().version());
        assertTrue(outcomes.get(0).result().created());
        assertInstanceOf(VersionConflictException.class, outcomes.get(1).failure(), "412: edited in Google meanwhile");
    }

    @Test
    void freeBusyLeavesOutCalendarsWithErrors() {
        answers(200, "freebusy.json");
        Map<String, List<BusyInterval>> busy = google.freeBusy(connection, List.of("tom.becker@northwind.example",
                "nobody@northwind.example"), WINDOW);
        assertEquals(List.of("tom.becker@northwind.example"), List.copyOf(busy.keySet()));
        assertEquals(2, busy.get("tom.becker@northwind.example").size());
    }
}
