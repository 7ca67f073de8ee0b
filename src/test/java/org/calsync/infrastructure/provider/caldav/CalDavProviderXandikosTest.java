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

import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.EventDetails;
import org.calsync.domain.model.calendar.EventTime;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.Staff;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.shared.Language;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.XandikosServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CalDAV provider against a second real server, xandikos: discovery from the server's root through its
 * {@code /.well-known/caldav} redirect (RFC 6764), a push created, updated, refused on a stale etag and deleted,
 * a retried create that updates instead of duplicating, and a pull that reads everything, then nothing, then
 * only what changed.
 */
class CalDavProviderXandikosTest {

    @RegisterExtension
    static final XandikosServer XANDIKOS = new XandikosServer();

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/caldav/valid");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final FixtureDates DAYS = FixtureDates.fromToday();
    /** The pull window as CalSync asks it: from yesterday to a year ahead. */
    private static final TimeWindow WINDOW = new TimeWindow(DAYS.today().minusDays(1).atStartOfDay(LONDON).toInstant(),
            DAYS.today().plusYears(1).atStartOfDay(LONDON).toInstant());

    private final CalDavCalendarProvider provider = new CalDavCalendarProvider();
    private final ProviderConnection connection = new ProviderConnection(XANDIKOS.base(), "user", "any", LONDON);

    private static OutgoingEvent session(String uid, String title, Instant start) {
        return new OutgoingEvent(uid, 0, title,
                new EventTime(start, start.plusSeconds(3600), LONDON), "Room 1", null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), URI.create("http://localhost:8080/portal/"),
                Language.ENGLISH));
    }

    @Test
    void discoveryFromTheRootFollowsTheWellKnownRedirectAndFindsTheCalendars() {
        URI created = XANDIKOS.createCalendar("sessions");
        List<RemoteCalendar> calendars = provider.listCalendars(connection);
        assertTrue(calendars.stream().anyMatch(c -> c.id().equals(created.toString()) && c.writable()), calendars.toString());
        assertTrue(XANDIKOS.send("PROPFIND", XANDIKOS.base().resolve("/.well-known/caldav"), null, Map.of("Depth", "0"))
                .statusCode() / 100 == 3, "the server does redirect, so this test covers the redirect");
    }

    @Test
    void pushCreatesUpdatesRefusesAStaleEtagAndDeletesWithoutDuplicates() {
        String calendar = XANDIKOS.createCalendar("push").toString();
        Instant start = DAYS.workdayAhead(7).atTime(9, 30).atZone(LONDON).toInstant();
        OutgoingEvent event = session("xandikos-push@calsync", "Excel for Finance Teams", start);
        WriteResult created = provider.put(connection, calendar, event, null);
        assertTrue(created.created());
        String stored = XANDIKOS.send("GET", URI.create(created.remoteId()), null, Map.of()).body();
        assertTrue(stored.contains("DTSTART;TZID=Europe/London:" + FixtureDates.ical(DAYS.workdayAhead(7).atTime(9, 30))), stored);

        WriteResult again = provider.put(connection, calendar, event, null);
        assertFalse(again.created(), "a create retried after a lost answer updates the same event");
        assertEquals(1, XANDIKOS.countEvents(URI.create(calendar)));

        OutgoingEvent moved = session("xandikos-push@calsync", "Excel for Finance Teams", start.plusSeconds(7200));
        WriteResult updated = provider.put(connection, calendar, moved, again.version());
        assertNotEquals(again.version(), updated.version());
        assertThrows(VersionConflictException.class, () -> provider.put(connection, calendar, moved, created.version()),
                "a stale etag is a conflict");
        provider.delete(connection, calendar, updated.remoteId(), updated.version());
        assertEquals(0, XANDIKOS.countEvents(URI.create(calendar)));
    }

    @Test
    void pullReadsEverythingThenNothingThenOnlyWhatChanged() throws Exception {
        URI collection = XANDIKOS.createCalendar("busy");
        String calendar = collection.toString();
        XANDIKOS.putEvent(collection.resolve("standup.ics"), FixtureDates.movedToWeekOf(
                Files.readString(FIXTURES.resolve("weekly-with-exceptions.ics")), DAYS.today().plusWeeks(2)));
        XANDIKOS.putEvent(collection.resolve("conference.ics"), FixtureDates.movedToWeekOf(
                Files.readString(FIXTURES.resolve("all-day.ics")), DAYS.today().plusWeeks(2)));

        ChangeBatch first = provider.changesSince(connection, calendar, SyncCursor.NONE, WINDOW);
        assertTrue(first.fullRead());
        assertEquals(2, first.changed().size(), first.toString());
        RemoteEvent standup = first.changed().stream().filter(e -> e.uid().equals("weekly-standup@example.com"))
                .findFirst().orElseThrow();
        assertEquals(3, standup.busy().size(), "five weekly, one excluded, one cancelled; one moved");

        ChangeBatch unchanged = provider.changesSince(connection, calendar, first.next(), WINDOW);
        assertTrue(unchanged.isEmpty(), unchanged.toString());

        XANDIKOS.putEvent(collection.resolve("private.ics"), FixtureDates.movedToWeekOf(
                Files.readString(FIXTURES.resolve("private.ics")), DAYS.today().plusWeeks(3)));
        XANDIKOS.send("DELETE", collection.resolve("conference.ics"), null, Map.of());
        ChangeBatch delta = provider.changesSince(connection, calendar, unchanged.next(), WINDOW);
        assertEquals(List.of("private@example.com"), delta.changed().stream().map(RemoteEvent::uid).toList(), delta.toString());
        assertEquals(null, delta.changed().get(0).title(), "a private event keeps its time, not its title");
        assertTrue(delta.removed().stream().anyMatch(id -> id.endsWith("conference.ics")), delta.toString());
    }
}
