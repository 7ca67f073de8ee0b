package org.calsync.domain.model.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.calsync.domain.model.calendar.Staff.StaffHeading;
import org.calsync.domain.shared.Language;
import org.junit.jupiter.api.Test;

class OutgoingEventTest {

    private static OutgoingEvent event(List<String> staff, StaffHeading heading) {
        return new OutgoingEvent("uid-1", 0, "Negotiation",
                new EventTime(Instant.parse("2027-01-12T09:00:00Z"), Instant.parse("2027-01-12T10:00:00Z"),
                ZoneId.of("Europe/London")), "Room 1", null,
                new EventDetails("Bring a case", new Staff(staff, heading),
                URI.create("https://calsync.example/portal/"), Language.ENGLISH));
    }

    @Test
    void anInstructorSeesTheOtherInstructorsAndALearnerSeesThemAll() {
        assertEquals("Bring a case\n\nAlso teaching: Tom Becker\n\nSession details: https://calsync.example/portal/",
                event(List.of("Tom Becker"), StaffHeading.ALSO_TEACHING).notes());
        assertEquals("Bring a case\n\nInstructors: Amira Haddad, Tom Becker\n\nSession details: https://calsync.example/portal/",
                event(List.of("Amira Haddad", "Tom Becker"), StaffHeading.INSTRUCTORS).notes());
        assertEquals("Bring a case\n\nSession details: https://calsync.example/portal/",
                event(List.of(), StaffHeading.ALSO_TEACHING).notes(), "a lone instructor's event names nobody");
    }
}
