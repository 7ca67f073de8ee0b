package org.calsync.domain.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;

import org.calsync.domain.shared.FieldError;
import org.calsync.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class SessionTimeTest {

    @Test
    void storesUtcInstantsAndKeepsTheWallClockAcrossDaylightSaving() {
        // 09:30 in London is 08:30Z in summer (BST) and 09:30Z in winter (GMT).
        SessionTime summer = SessionTime.ofLocal(LocalDateTime.parse("2026-10-23T09:30"),
                LocalDateTime.parse("2026-10-23T12:30"), "Europe/London");
        SessionTime winter = SessionTime.ofLocal(LocalDateTime.parse("2026-10-26T09:30"),
                LocalDateTime.parse("2026-10-26T12:30"), "Europe/London");
        assertEquals(Instant.parse("2026-10-23T08:30:00Z"), summer.start());
        assertEquals(Instant.parse("2026-10-26T09:30:00Z"), winter.start());
        assertEquals(LocalDateTime.parse("2026-10-26T09:30"), winter.localStart().toLocalDateTime());
    }

    @Test
    void aSessionAcrossTheClockChangeHasItsRealDuration() {
        // The night the clocks go back in New York lasts an hour longer.
        SessionTime overnight = SessionTime.ofLocal(LocalDateTime.parse("2026-11-01T00:00"),
                LocalDateTime.parse("2026-11-01T03:00"), "America/New_York");
        assertEquals(4 * 3600, overnight.end().getEpochSecond() - overnight.start().getEpochSecond());
    }

    @Test
    void endBeforeStartIsRejectedOnTheEndField() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> SessionTime.ofLocal(
                LocalDateTime.parse("2026-05-04T10:00"), LocalDateTime.parse("2026-05-04T09:00"), "Europe/London"));
        assertEquals(1, error.errors().size());
        FieldError only = error.errors().get(0);
        assertEquals("end", only.field());
        assertEquals("End must be after start.", only.message());
    }

    @Test
    void yearsNoCalendarHandlesAreRefusedOnTheirField() {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> SessionTime.ofLocal(
                LocalDateTime.parse("+999999999-12-31T10:00"), LocalDateTime.parse("0000-01-01T00:00"), "Europe/London"));
        assertEquals(2, error.errors().size(), error.errors().toString());
        assertEquals("start", error.errors().get(0).field());
        assertEquals("end", error.errors().get(1).field());
        assertEquals("Use a year from 1900 to 2200.", error.errors().get(0).message());
        SessionTime.ofLocal(LocalDateTime.parse("1900-01-01T09:00"), LocalDateTime.parse("2200-12-31T10:00"), "UTC");
    }

    @Test
    void aTimeTheClocksSkipIsRefusedWithTheGapNamed() {
        // On 28 March 2027 Paris goes from 02:00 straight to 03:00: 02:30 does not exist that night.
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> SessionTime.ofLocal(
                LocalDateTime.parse("2027-03-28T02:30"), LocalDateTime.parse("2027-03-28T04:00"), "Europe/Paris"));
        assertEquals(1, error.errors().size(), error.errors().toString());
        assertEquals("start", error.errors().get(0).field());
        assertEquals("2027-03-28 02:30 does not exist in Europe/Paris: the clocks go forward from 02:00 to 03:00."
                + " Choose a time before 02:00 or from 03:00.", error.errors().get(0).message());
        SessionTime.ofLocal(LocalDateTime.parse("2027-03-28T03:00"), LocalDateTime.parse("2027-03-28T04:00"), "Europe/Paris");
    }

    @Test
    void unknownAndOffsetOnlyZonesAreRejected() {
        for (String zone : new String[] {"Mars/Olympus", "+02:00", "", "GMT+2"}) {
            InvalidInputException error = assertThrows(InvalidInputException.class, () -> SessionTime.ofLocal(
                    LocalDateTime.parse("2026-05-04T09:00"), LocalDateTime.parse("2026-05-04T10:00"), zone), zone);
            assertEquals("timeZone", error.errors().get(0).field(), zone);
        }
    }

    @Test
    void missingTimesAreReportedTogether() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> SessionTime.ofLocal(null, null, "Nowhere/City"));
        assertEquals(java.util.List.of("start", "end", "timeZone"),
                error.errors().stream().map(FieldError::field).toList());
    }
}
