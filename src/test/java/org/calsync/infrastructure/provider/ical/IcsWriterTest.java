package org.calsync.infrastructure.provider.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.EventDetails;
import org.calsync.domain.model.calendar.EventTime;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.Staff;
import org.calsync.domain.shared.Language;
import org.junit.jupiter.api.Test;

class IcsWriterTest {

    private static OutgoingEvent session(Instant start, Instant end, String zone) {
        return new OutgoingEvent("0f8b7c1e-2d5a-3b6e-9f4c-5a6b7c8d9e0f@calsync", 3, "Excel for Finance Teams",
                new EventTime(start, end, ZoneId.of(zone)), "Northwind House, Room 1",
                URI.create("https://meet.example.com/abc"),
                new EventDetails("Bring a laptop.", Staff.alsoTeaching(List.of("Tom Becker")),
                URI.create("https://calsync.example.org/portal/index.xhtml?date=2026-10-23"), Language.ENGLISH));
    }

    @Test
    void writesAValidEventInTheSessionsZoneWithItsTimeZoneDefinition() throws Exception {
        OutgoingEvent event = session(Instant.parse("2026-10-23T08:30:00Z"), Instant.parse("2026-10-23T11:30:00Z"),
                "Europe/London");
        IcsWriter writer = new IcsWriter();
        assertFalse(writer.calendar(event).validate().hasErrors(), () -> writer.calendar(event).validate().toString());
        String ics = writer.write(event);
        assertTrue(ics.contains("DTSTART;TZID=Europe/London:20261023T093000"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE") && ics.contains("TZID:Europe/London"), ics);
        assertTrue(ics.contains("UID:0f8b7c1e-2d5a-3b6e-9f4c-5a6b7c8d9e0f@calsync"));
        assertTrue(ics.contains("SEQUENCE:3"));
        assertTrue(ics.contains("LOCATION:Northwind House\\, Room 1"), ics);
        assertTrue(ics.replace("\r\n ", "").contains("Join online: https://meet.example.com/abc"), ics);
        // RFC 7986: a join button in the apps that know CONFERENCE, the link in the notes for the others
        assertTrue(ics.replace("\r\n ", "").contains(
                "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join online:https://meet.example.com/abc"), ics);
        assertTrue(ics.replace("\r\n ", "").contains("Also teaching: Tom Becker"), ics);
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameInstantsAcrossTheClockChange() throws Exception {
        for (String[] slot : new String[][] {
                {"2026-10-23T08:30:00Z", "2026-10-23T11:30:00Z", "Europe/London"},
                {"2026-10-26T09:30:00Z", "2026-10-26T12:30:00Z", "Europe/London"},
                {"2026-11-01T04:00:00Z", "2026-11-01T08:00:00Z", "America/New_York"}}) {
            Instant start = Instant.parse(slot[0]);
            Instant end = Instant.parse(slot[1]);
            String ics = new IcsWriter().write(session(start, end, slot[2]));
            RemoteEvent read = new IcsReader(ZoneId.of("Asia/Tokyo")).read("/x", null, ics,
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
            assertEquals(List.of(new BusyInterval(start, end, false)), read.busy(), ics);
        }
    }
}
