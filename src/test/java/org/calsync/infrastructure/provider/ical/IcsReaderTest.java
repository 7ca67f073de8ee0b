package org.calsync.infrastructure.provider.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IcsReaderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/caldav");
    private static final Instant FROM = Instant.parse("2026-11-21T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-11-21T00:00:00Z");

    private final IcsReader reader = new IcsReader(ZoneId.of("Europe/London"));

    private RemoteEvent read(String fixture) throws Exception {
        return readWith(reader, fixture);
    }

    private static BusyInterval interval(String start, String end) {
        return new BusyInterval(Instant.parse(start), Instant.parse(end), false);
    }

    @Test
    void aTimedEventUsesItsOwnZone() throws Exception {
        RemoteEvent event = read("timed-berlin.ics");
        assertEquals("timed-berlin@example.com", event.uid());
        assertEquals("Dentist", event.title());
        assertEquals(List.of(interval("2026-12-03T13:00:00Z", "2026-12-03T14:30:00Z")), event.busy());
    }

    @Test
    void aSeriesIsExpandedWithItsMovedExcludedAndCancelledOccurrences() throws Exception {
        RemoteEvent event = read("weekly-with-exceptions.ics");
        assertEquals(List.of(
                interval("2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z"),
                interval("2026-12-08T11:00:00Z", "2026-12-08T11:30:00Z"), // moved by RECURRENCE-ID
                interval("2026-12-29T09:00:00Z", "2026-12-29T09:30:00Z")), // 15th excluded, 22nd cancelled
                event.busy());
    }

    @Test
    void anAllDayEventStaysAllDayInThePersonsZone() throws Exception {
        RemoteEvent event = read("all-day.ics");
        assertEquals(List.of(new BusyInterval(Instant.parse("2026-12-07T00:00:00Z"), Instant.parse("2026-12-09T00:00:00Z"),
                true)), event.busy());
    }

    @Test
    void transparentAndCancelledEventsAreNotBusy() throws Exception {
        assertTrue(read("transparent.ics").busy().isEmpty());
        assertTrue(read("cancelled.ics").busy().isEmpty());
    }

    @Test
    void anInvitationTheOwnerDeclinedIsNotBusyButAnotherAttendeesDeclineChangesNothing() throws Exception {
        IcsReader tomsCalendar = new IcsReader(ZoneId.of("Europe/London"), Set.of("tom.becker@northwind.example"));
        assertTrue(readWith(tomsCalendar, "declined-invitation.ics").busy().isEmpty(), "Tom declined, whatever the case");
        assertEquals(List.of(interval("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z"),
                interval("2026-12-15T10:00:00Z", "2026-12-15T11:00:00Z")),
                readWith(tomsCalendar, "series-one-occurrence-declined.ics").busy(), "only the occurrence Tom declined");
        assertEquals(1, read("declined-invitation.ics").busy().size(), "a reader that does not know the owner keeps it");
    }

    private static RemoteEvent readWith(IcsReader reader, String fixture) throws Exception {
        return reader.read("/cal/" + fixture, "\"etag\"", Files.readString(FIXTURES.resolve("valid/" + fixture)), FROM, TO);
    }

    @Test
    void aPrivateEventKeepsItsTimeButNotItsTitle() throws Exception {
        RemoteEvent event = read("private.ics");
        assertTrue(event.privateEvent());
        assertNull(event.title());
        assertEquals(List.of(interval("2026-12-04T13:00:00Z", "2026-12-04T13:45:00Z")), event.busy());
    }

    @Test
    void floatingTimesAreReadInThePersonsZone() throws Exception {
        RemoteEvent event = new IcsReader(ZoneId.of("America/New_York")).read("/f", null,
                Files.readString(FIXTURES.resolve("valid/floating.ics")), FROM, TO);
        assertEquals(List.of(interval("2026-12-05T13:00:00Z", "2026-12-05T14:00:00Z")), event.busy());
    }

    @Test
    void aZoneWithoutDefinitionIsReadAsFloatingTimeInThePersonsZone() throws Exception {
        // RFC 5545 requires a VTIMEZONE for every TZID; some clients omit it. Keep the busy time, predictably.
        RemoteEvent event = new IcsReader(ZoneId.of("America/New_York")).read("/z", null,
                Files.readString(FIXTURES.resolve("valid/undefined-time-zone.ics")), FROM, TO);
        assertEquals(List.of(interval("2026-12-02T15:00:00Z", "2026-12-02T16:00:00Z")), event.busy());
    }

    @Test
    void occurrencesOutsideTheWindowAreLeftOut() throws Exception {
        RemoteEvent event = reader.read("/w", null, Files.readString(FIXTURES.resolve("valid/weekly-with-exceptions.ics")),
                Instant.parse("2026-12-07T00:00:00Z"), Instant.parse("2026-12-14T00:00:00Z"));
        assertEquals(List.of(interval("2026-12-08T11:00:00Z", "2026-12-08T11:30:00Z")), event.busy());
    }

    @Test
    void aControlCharacterAnotherClientStoredIsLeftOutInsteadOfStoppingTheRead() throws Exception {
        String poisoned = Files.readString(FIXTURES.resolve("valid/private.ics"))
                .replace("CLASS:PRIVATE", "CLASS:PUBLIC").replace("SUMMARY:Doctor's", "SUMMARY:Doctor\u0000\u001B's");
        RemoteEvent event = reader.read("/p", null, poisoned, FROM, TO);
        assertEquals("Doctor's appointment", event.title());
        assertEquals(1, event.busy().size());
    }

    @Test
    void anEventThatEndsBeforeItStartsIsRefusedWithTheReasonNotSilentlyDropped() throws Exception {
        String negative = Files.readString(FIXTURES.resolve("valid/private.ics")).replace("DURATION:PT45M", "DURATION:-PT45M");
        IcsFormatException refused = assertThrows(IcsFormatException.class, () -> reader.read("/n", null, negative, FROM, TO));
        assertTrue(refused.getMessage().contains("ends before it starts"), refused.getMessage());
        String reversed = Files.readString(FIXTURES.resolve("valid/transparent.ics")).replace("TRANSP:TRANSPARENT", "")
                .replace("DTEND:20261204T110000Z", "DTEND:20261204T090000Z");
        assertThrows(IcsFormatException.class, () -> reader.read("/r", null, reversed, FROM, TO));
    }

    static Stream<Path> valid() throws IOException {
        return Files.list(FIXTURES.resolve("valid")).sorted();
    }

    static Stream<Path> invalid() throws IOException {
        return Files.list(FIXTURES.resolve("invalid")).sorted();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void everyValidFixtureParses(Path fixture) throws Exception {
        RemoteEvent event = reader.read(fixture.toString(), null, Files.readString(fixture), FROM, TO);
        assertTrue(event.uid().endsWith("@example.com"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void everyInvalidFixtureIsRefusedWithAClearError(Path fixture) {
        IcsFormatException error = assertThrows(IcsFormatException.class,
                () -> reader.read(fixture.toString(), null, Files.readString(fixture), FROM, TO));
        assertTrue(error.getMessage() != null && !error.getMessage().isBlank());
    }
}
