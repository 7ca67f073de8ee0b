package org.calsync.infrastructure.provider.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Collectors;
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
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.shared.Language;
import org.calsync.testsupport.graph.GraphSimulator.Fault;
import org.calsync.testsupport.graph.GraphSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bodies of the Graph reference, kept under {@code fixtures/graph}, read by the adapter exactly as Graph
 * sends them (links pointed at the simulator): every fixture is valid JSON, and each answer means what the
 * documentation says.
 */
class GraphFixturesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-12-01T00:00:00Z"),
            Instant.parse("2027-12-01T00:00:00Z"));
    private static final String CALENDAR = "AAMkAGViNDU7zAAAAAGtlAAA=";

    private final GraphCalendarProvider graph = new GraphCalendarProvider(1);
    private GraphSimulator simulator;
    private ProviderConnection connection;

    @BeforeEach
    void start() throws IOException {
        simulator = new GraphSimulator().withMailbox("tom.becker@northwind.example", CALENDAR);
        simulator.start();
        connection = new ProviderConnection(URI.create(simulator.baseUrl()), "tom.becker@northwind.example", "token", LONDON);
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    /** The simulator answers the next request with the fixture, word for word. */
    private void answers(int status, String fixture) {
        simulator.failNext(new Fault(status, null, simulator.fixture(fixture)));
    }

    @Test
    void everyFixtureIsJsonOfTheDocumentedKind() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures/graph"))) {
            List<Path> fixtures = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertTrue(fixtures.size() >= 10, "fixtures: " + fixtures);
            for (Path fixture : fixtures) {
                JsonObject body = Json.createReader(new StringReader(Files.readString(fixture))).readObject();
                assertTrue(body.containsKey("@odata.context") || body.containsKey("error") || body.containsKey("responses"),
                        fixture + " is an OData answer, an error or a batch");
            }
        }
    }

    @Test
    void calendarsSayWhichTakeEvents() {
        answers(200, "calendars.json");
        List<RemoteCalendar> calendars = graph.listCalendars(connection);
        assertEquals(List.of("Calendar", "Coaching", "United Kingdom holidays"),
                calendars.stream().map(RemoteCalendar::displayName).toList());
        assertEquals(List.of(true, true, false), calendars.stream().map(RemoteCalendar::writable).toList());
    }

    @Test
    void aDeltaReadFollowsTheNextLinkAndKeepsTheDeltaLink() {
        answers(200, "calendarView-delta-page1.json");
        answers(200, "calendarView-delta-page2.json");
        ChangeBatch batch = graph.changesSince(connection, CALENDAR, SyncCursor.NONE, WINDOW);
        assertEquals(2, batch.requests());
        assertTrue(simulator.requests().get(1).contains("$skiptoken=R0usmcCM996atia_s"), simulator.requests().toString());
        assertTrue(batch.next().value().endsWith("$deltatoken=R0usmci39OQxqJrxK4"), batch.next().value());
        Map<String, RemoteEvent> byId = batch.changed().stream().collect(Collectors.toMap(RemoteEvent::remoteId, e -> e));
        assertEquals(6, byId.size());
        assertEquals(List.of(new BusyInterval(Instant.parse("2026-12-03T09:00:00Z"), Instant.parse("2026-12-03T10:30:00Z"),
                false)), byId.get("AAMkAGViNDU7zAAAAA7zAAAZe6CkAAA=").busy(), "GMT Standard Time in December is UTC");
        assertEquals("W/\"EZ9r3czxY0m2jz8c45czkwAAFXcvIw==\"", byId.get("AAMkAGViNDU7zAAAAA7zAAAZe6CkAAA=").version());
        BusyInterval christmas = byId.get("AAMkAGViNDU7zAAAAA7zAAAZe6DlAAA=").busy().get(0);
        assertTrue(christmas.allDay(), "out of office, all day");
        assertEquals(Instant.parse("2026-12-28T00:00:00Z"), christmas.end());
        assertNull(byId.get("AAMkAGViNDU7zAAAAA7zAAAZe6EmAAA=").title(), "private");
        assertEquals(1, byId.get("AAMkAGViNDU7zAAAAA7zAAAZe6FnAAABEgAQAKbQx0KJ5yZBoKdoA3mH0pI=").busy().size(),
                "a moved occurrence, tentative, blocks time");
        assertEquals(List.of(), byId.get("AAMkAGViNDU7zAAAAA7zAAAZe6GoAAA=").busy(), "working elsewhere");
        assertEquals(List.of(), byId.get("AAMkAGViNDU7zAAAAA7zAAAZe6IqAAA=").busy(), "a meeting the owner declined");
        assertEquals(List.of("AAMkAGViNDU7zAAAAA7zAAAZe6HpAAA="), batch.removed());
    }

    @Test
    void syncStateNotFoundLeadsToAFullReadAndAnExpiredTokenToReconsent() {
        String deltaLink = simulator.baseUrl() + "me/calendars/" + CALENDAR + "/calendarView/delta?$deltatoken=old";
        answers(410, "error-syncStateNotFound.json");
        answers(200, "calendarView-delta-page2.json");
        ChangeBatch batch = graph.changesSince(connection, CALENDAR,
                new SyncCursor(WINDOW.to() + " " + deltaLink), WINDOW);
        assertTrue(batch.fullRead());
        assertTrue(simulator.requests().get(1).contains("startDateTime="), simulator.requests().toString());
        answers(401, "error-invalidAuthenticationToken.json");
        AuthorisationLostException lost = assertThrows(AuthorisationLostException.class, () -> graph.listCalendars(connection));
        assertTrue(lost.getMessage().contains("InvalidAuthenticationToken"), lost.getMessage());
    }

    @Test
    void aThrottledAnswerIsRetried() {
        simulator.failNext(new Fault(429, "0", simulator.fixture("error-throttled.json")));
        answers(200, "calendars.json");
        assertEquals(3, graph.listCalendars(connection).size());
    }

    @Test
    void anEventThatHostsATeamsMeetingAsksGraphForOneAndGivesItsJoinAddressOrWhyThereIsNone() {
        OutgoingEvent event = new OutgoingEvent("calsync-3f2b@northwind.example", 0, "Excel for managers",
                new EventTime(Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-03T11:00:00Z"),
                ZoneId.of("Europe/Paris")), null, null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH))
                .hosting(OnlineMeetingKind.TEAMS);
        JsonObject body = GraphEvents.toJson(event);
        assertTrue(body.getBoolean("isOnlineMeeting"), body.toString());
        assertEquals("teamsForBusiness", body.getString("onlineMeetingProvider"));
        assertFalse(GraphEvents.toJson(new OutgoingEvent("calsync-3f2c@northwind.example", 0, "Excel", event.time(),
                null, URI.create("https://teams.microsoft.com/l/meetup-join/x"), event.details()))
                .containsKey("isOnlineMeeting"), "an attendee's event carries the link, it hosts nothing");

        simulator.failNext(new Fault(200, null, "{\"value\": []}"));
        answers(201, "event-created-teams.json");
        WriteResult created = graph.put(connection, CALENDAR, event, null);
        assertTrue(created.meeting().isCreated(), String.valueOf(created.meeting()));
        assertTrue(created.meeting().joinUrl().toString().startsWith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_"),
                created.meeting().toString());

        // A mailbox without a Teams licence: Graph creates the event all the same, without the meeting.
        simulator.failNext(new Fault(200, null, "{\"value\": []}"));
        answers(201, "event-created.json");
        WriteResult withoutTeams = graph.put(connection, CALENDAR, event, null);
        assertFalse(withoutTeams.meeting().isCreated());
        assertTrue(withoutTeams.meeting().refusal().contains("Teams licence"), withoutTeams.meeting().refusal());
    }

    @Test
    void aCreatedEventGivesItsIdAndChangeKeyAndAFoundOneIsUpdated() {
        OutgoingEvent event = new OutgoingEvent("calsync-3f2a@northwind.example", 0, "Excel for managers",
                new EventTime(Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-03T11:00:00Z"),
                ZoneId.of("Europe/Paris")), "Room 2", null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH));
        simulator.failNext(new Fault(200, null, "{\"value\": []}"));
        answers(201, "event-created.json");
        WriteResult created = graph.put(connection, CALENDAR, event, null);
        assertTrue(created.created());
        assertEquals("AAMkAGViNDU7zAAAAA7zAAAZe6IqAAA=", created.remoteId());
        assertEquals("W/\"EZ9r3czxY0m2jz8c45czkwAAFXcvKA==\"", created.version());

        answers(200, "events-by-extended-property.json");
        answers(200, "event-created.json");
        WriteResult updated = graph.put(connection, CALENDAR, event, "W/\"EZ9r3czxY0m2jz8c45czkwAAFXcvKA==\"");
        assertFalse(updated.created());
        assertTrue(simulator.requests().get(3).startsWith("PATCH /v1.0/me/events/AAMkAGViNDU7zAAAAA7zAAAZe6IqAAA"),
                simulator.requests().toString());
    }

    @Test
    void aBatchAnswersEachWriteOnItsOwnAndAThrottledOneIsSentAgain() {
        OutgoingEvent first = event("calsync-1@northwind.example");
        OutgoingEvent second = event("calsync-2@northwind.example");
        OutgoingEvent third = event("calsync-3@northwind.example");
        // The lookups: the first two are new, the third was written before (its id and change key).
        simulator.failNext(new Fault(200, null, Json.createObjectBuilder().add("responses", Json.createArrayBuilder()
                .add(lookup("1", Json.createArrayBuilder().build()))
                .add(lookup("2", Json.createArrayBuilder().build()))
                .add(lookup("3", Json.createReader(new StringReader(simulator.fixture("events-by-extended-property.json")))
                        .readObject().getJsonArray("value")))).build().toString()));
        answers(200, "batch-response.json");
        List<WriteOutcome> outcomes = graph.putAll(connection, CALENDAR, List.of(new PendingWrite(first, null),
                new PendingWrite(second, null), new PendingWrite(third, "W/\"EZ9r3czxY0m2jz8c45czkwAAFXcvKA==\"")));

        assertEquals("AAMkAGViNDU7zAAAAA7zAAAZe6JrAAA=", outcomes.get(0).result().remoteId());
        assertTrue(outcomes.get(1).succeeded(), "429 with Retry-After: sent again in a batch of its own");
        assertEquals(List.of("Excel for managers"), simulator.calendar("tom.becker@northwind.example", CALENDAR).events()
                .stream().map(e -> e.getString("subject")).toList(), "the retry reached the mailbox");
        assertTrue(outcomes.get(2).failure() instanceof VersionConflictException, "412 on the update: edited in Outlook");
        assertEquals(3, simulator.requests().size(), "lookups, writes, and the throttled write again");
        assertTrue(simulator.requests().stream().allMatch(r -> r.startsWith("POST /v1.0/$batch")), simulator.requests().toString());
    }

    private static OutgoingEvent event(String uid) {
        return new OutgoingEvent(uid, 0, "Excel for managers",
                new EventTime(Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-03T11:00:00Z"),
                ZoneId.of("Europe/Paris")), "Room 2", null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), null, Language.ENGLISH));
    }

    private static JsonObject lookup(String id, jakarta.json.JsonArray found) {
        return Json.createObjectBuilder().add("id", id).add("status", 200)
                .add("body", Json.createObjectBuilder().add("value", found)).build();
    }

    @Test
    void getScheduleKeepsWhatBlocksTimeAndLeavesOutUnknownPeople() {
        answers(200, "getSchedule.json");
        Map<String, List<BusyInterval>> busy = graph.freeBusy(connection, List.of("anna.schmidt@northwind.example",
                "visitor@elsewhere.example"), new TimeWindow(WINDOW.from(), WINDOW.from().plusSeconds(30 * 86_400)));
        assertEquals(List.of("anna.schmidt@northwind.example"), List.copyOf(busy.keySet()));
        assertEquals(List.of(Instant.parse("2026-12-03T11:00:00Z"), Instant.parse("2026-12-05T09:00:00Z")),
                busy.get("anna.schmidt@northwind.example").stream().map(BusyInterval::start).toList(),
                "busy and tentative; working elsewhere is not busy");
    }
}
