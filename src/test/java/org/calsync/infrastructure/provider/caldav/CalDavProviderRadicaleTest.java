package org.calsync.infrastructure.provider.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.EventDetails;
import org.calsync.domain.model.calendar.EventTime;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.OutgoingEvent;
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
import org.calsync.testsupport.FailingProxy;
import org.calsync.testsupport.RadicaleServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CalDAV adapter against a real Radicale server, as a person's calendar and as other clients edit it. */
class CalDavProviderRadicaleTest {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("amira", "amira-secret")
            .withUser("tom", "tom-secret").withUser("ines", "ines-secret");

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/caldav/valid");
    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2027-11-01T00:00:00Z"));

    private final CalDavCalendarProvider provider = new CalDavCalendarProvider();

    private static ProviderConnection connection(String user, String password) {
        return new ProviderConnection(RADICALE.base(), user, password, ZoneId.of("Europe/London"));
    }

    private static OutgoingEvent session(String uid, String title, String start, String end) {
        return new OutgoingEvent(uid, 0, title,
                new EventTime(Instant.parse(start), Instant.parse(end), ZoneId.of("Europe/London")),
                "Northwind House, Room 1", URI.create("https://meet.example.com/x"),
                new EventDetails(null, Staff.alsoTeaching(List.of()), URI.create("http://localhost:8080/portal/"),
                Language.ENGLISH));
    }

    private static String calendar(String user, String name) {
        return RADICALE.createCalendar(user, name).toString();
    }

    @Test
    void aFrontEndsMomentary503IsTriedAgainAndALastingOneIsTheOutboxsToRetry() throws Exception {
        calendar("amira", "gateway");
        try (FailingProxy proxy = new FailingProxy(RADICALE.base())) {
            ProviderConnection throughProxy = new ProviderConnection(proxy.base(), "amira", "amira-secret",
                    ZoneId.of("Europe/London"));
            proxy.failNext(DavTransport.GATEWAY_ATTEMPTS - 1);
            assertFalse(provider.listCalendars(throughProxy).isEmpty(), "tried again inline");
            proxy.failNext(DavTransport.GATEWAY_ATTEMPTS);
            ProviderUnavailableException lasting = assertThrows(ProviderUnavailableException.class,
                    () -> provider.listCalendars(throughProxy));
            assertEquals(FailureKind.BUSY, lasting.kind());
            assertEquals(2 * DavTransport.GATEWAY_ATTEMPTS - 1, proxy.failed());
        }
    }

    @Test
    void discoversTheAccountsCalendarsThroughWellKnown() {
        String sessions = calendar("amira", "sessions");
        String personal = calendar("amira", "personal");
        List<RemoteCalendar> calendars = provider.listCalendars(connection("amira", "amira-secret"));
        Set<String> ids = calendars.stream().map(RemoteCalendar::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of(sessions, personal)), ids.toString());
        assertTrue(calendars.stream().allMatch(c -> c.writable() && c.supportsIncrementalSync()), calendars.toString());
    }

    @Test
    void pushCreatesUpdatesAndDeletesOneEventWithTheSessionsWallClockTime() {
        String calendar = calendar("amira", "push");
        ProviderConnection amira = connection("amira", "amira-secret");
        OutgoingEvent event = session("push-1@calsync", "Excel for Finance Teams", "2026-10-23T08:30:00Z",
                "2026-10-23T11:30:00Z");
        WriteResult created = provider.put(amira, calendar, event, null);
        assertTrue(created.created());
        String stored = RADICALE.send("amira", "GET", URI.create(created.remoteId()), null, Map.of()).body();
        assertTrue(stored.contains("DTSTART;TZID=Europe/London:20261023T093000"), stored);

        OutgoingEvent moved = session("push-1@calsync", "Excel for Finance Teams", "2026-10-26T09:30:00Z",
                "2026-10-26T12:30:00Z");
        WriteResult updated = provider.put(amira, calendar, moved, created.version());
        assertFalse(updated.created());
        assertNotEquals(created.version(), updated.version());
        assertThrows(VersionConflictException.class, () -> provider.put(amira, calendar, moved, created.version()),
                "a stale etag is a 412 conflict");

        provider.delete(amira, calendar, updated.remoteId(), updated.version());
        assertEquals(0, RADICALE.countEvents("amira", URI.create(calendar)));
        provider.delete(amira, calendar, updated.remoteId(), null);
    }

    @Test
    void aRetryAfterACrashUpdatesTheEventInsteadOfDuplicatingIt() {
        String calendar = calendar("amira", "retry");
        ProviderConnection amira = connection("amira", "amira-secret");
        OutgoingEvent event = session("retry-1@calsync", "Leadership", "2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z");
        provider.put(amira, calendar, event, null);
        // The answer was lost: CalSync never stored the etag and tries the create again.
        WriteResult again = provider.put(amira, calendar, event, null);
        assertFalse(again.created());
        assertEquals(1, RADICALE.countEvents("amira", URI.create(calendar)));
    }

    /**
     * Radicale answers in HTTP/1.0 and closes each connection after its answer. A client that pooled such
     * connections sent about one read in eight on a closed one, waited and sent it again, and counted two requests
     * where the server saw one; fifty reads in a row found that nearly always.
     */
    @Test
    void unchangedReadsInARowEachCostOneRequestOnAServerThatClosesEveryConnection() throws Exception {
        String calendar = calendar("ines", "busy");
        ProviderConnection ines = connection("ines", "ines-secret");
        long before = RADICALE.requestsReceivedFor("ines");
        ChangeBatch first = provider.changesSince(ines, calendar, SyncCursor.NONE, WINDOW);
        int counted = first.requests();
        SyncCursor cursor = first.next();
        List<Integer> requests = new java.util.ArrayList<>();
        for (int read = 0; read < 50; read++) {
            ChangeBatch unchanged = provider.changesSince(ines, calendar, cursor, WINDOW);
            requests.add(unchanged.requests());
            counted += unchanged.requests();
            cursor = unchanged.next();
        }
        assertEquals(java.util.Collections.nCopies(50, 1), requests, "requests per unchanged read");
        assertEquals(RADICALE.requestsReceivedFor("ines") - before, counted, "the requests Radicale logged");
        assertEquals(0, provider.idleConnections(), "no connection the server closed is kept for the next request");
    }

    @Test
    void pullReadsAllThenOnlyChangesAndAnUnchangedCalendarCostsOneRequest() throws Exception {
        String calendar = calendar("tom", "busy");
        ProviderConnection tom = connection("tom", "tom-secret");
        URI collection = URI.create(calendar);
        RADICALE.putEvent("tom", collection.resolve("standup.ics"), Files.readString(FIXTURES.resolve("weekly-with-exceptions.ics")));
        RADICALE.putEvent("tom", collection.resolve("conference.ics"), Files.readString(FIXTURES.resolve("all-day.ics")));
        RADICALE.putEvent("tom", collection.resolve("private.ics"), Files.readString(FIXTURES.resolve("private.ics")));

        ChangeBatch first = provider.changesSince(tom, calendar, SyncCursor.NONE, WINDOW);
        assertTrue(first.fullRead());
        assertEquals(3, first.changed().size());
        RemoteEvent standup = byUid(first, "weekly-standup@example.com");
        assertEquals(3, standup.busy().size(), "five weekly, one excluded, one cancelled; one moved");
        assertTrue(byUid(first, "all-day@example.com").busy().get(0).allDay());
        assertEquals(null, byUid(first, "private@example.com").title());

        ChangeBatch unchanged = provider.changesSince(tom, calendar, first.next(), WINDOW);
        assertTrue(unchanged.isEmpty());
        assertEquals(1, unchanged.requests(), "an unchanged calendar costs one request");

        RADICALE.putEvent("tom", collection.resolve("dentist.ics"), Files.readString(FIXTURES.resolve("timed-berlin.ics")));
        RADICALE.send("tom", "DELETE", collection.resolve("conference.ics"), null, Map.of());
        ChangeBatch delta = provider.changesSince(tom, calendar, unchanged.next(), WINDOW);
        assertFalse(delta.fullRead());
        assertEquals(List.of("timed-berlin@example.com"), delta.changed().stream().map(RemoteEvent::uid).toList());
        assertEquals(List.of(collection.resolve("conference.ics").toString()), delta.removed());
        assertEquals(List.of(new BusyInterval(Instant.parse("2026-12-03T13:00:00Z"), Instant.parse("2026-12-03T14:30:00Z"),
                false)), delta.changed().get(0).busy());
    }

    @Test
    void aSyncTokenTheServerNoLongerKnowsLeadsToAFullRead() throws Exception {
        String calendar = calendar("tom", "stale");
        RADICALE.putEvent("tom", URI.create(calendar).resolve("a.ics"), Files.readString(FIXTURES.resolve("all-day.ics")));
        ChangeBatch batch = provider.changesSince(connection("tom", "tom-secret"), calendar,
                new SyncCursor("sync:http://radicale.org/ns/sync/0000000000000000000000000000000000000000"), WINDOW);
        assertTrue(batch.fullRead());
        assertEquals(1, batch.changed().size());
    }

    @Test
    void aMalformedEventIsSkippedAndTheRestStillSyncs() throws Exception {
        String calendar = calendar("tom", "mixed");
        URI collection = URI.create(calendar);
        RADICALE.putEvent("tom", collection.resolve("good.ics"), Files.readString(FIXTURES.resolve("timed-berlin.ics")));
        // Radicale's parser accepts an UNTIL written as 2026-12-31; RFC 5545 and CalSync's reader do not.
        var stored = RADICALE.putEvent("tom", collection.resolve("bad.ics"),
                Files.readString(Path.of("src/test/resources/fixtures/caldav/invalid/until-not-a-date.ics")));
        assertEquals(2, stored.statusCode() / 100, "Radicale stores it: " + stored.body());
        ChangeBatch batch = provider.changesSince(connection("tom", "tom-secret"), calendar, SyncCursor.NONE, WINDOW);
        assertEquals(1, batch.skipped().size(), batch.toString());
        assertTrue(batch.skipped().get(0).remoteId().endsWith("bad.ics"));
        assertEquals(List.of("timed-berlin@example.com"), batch.changed().stream().map(RemoteEvent::uid).toList());
    }

    @Test
    void aWrongPasswordMeansTheAccountNeedsReconnecting() {
        calendar("amira", "guarded");
        AuthorisationLostException refused = assertThrows(AuthorisationLostException.class,
                () -> provider.listCalendars(connection("amira", "wrong")));
        assertTrue(refused.getMessage().contains("401"), refused.getMessage());
    }

    @Test
    void aServerThatIsDownIsUnavailableNotBroken() {
        ProviderConnection nowhere = new ProviderConnection(URI.create("http://127.0.0.1:9/"), "x", "y", ZoneId.of("UTC"));
        assertThrows(ProviderUnavailableException.class, () -> provider.listCalendars(nowhere));
    }

    private static RemoteEvent byUid(ChangeBatch batch, String uid) {
        return batch.changed().stream().filter(e -> e.uid().equals(uid)).findFirst().orElseThrow();
    }
}
