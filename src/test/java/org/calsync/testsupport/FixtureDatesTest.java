package org.calsync.testsupport;

import static java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fixture days land where the tests need them whatever the date: checked on days across a whole year. */
class FixtureDatesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Path CORPUS = Path.of("src/test/resources/fixtures/caldav");

    private static FixtureDates on(String day) {
        return new FixtureDates(Clock.fixed(Instant.parse(day + "T23:30:00Z"), ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2027-03-27", "2027-06-30", "2027-10-30", "2028-02-29"})
    void daysAheadAreWhatTheyPromise(String today) {
        FixtureDates dates = on(today);
        LocalDate tuesday = dates.weeksAhead(3, DayOfWeek.TUESDAY);
        assertEquals(DayOfWeek.TUESDAY, tuesday.getDayOfWeek());
        assertTrue(!tuesday.isBefore(dates.today().plusWeeks(3)) && tuesday.isBefore(dates.today().plusWeeks(4)), tuesday.toString());
        LocalDate workday = dates.workdayAhead(5);
        assertTrue(workday.getDayOfWeek().getValue() <= 5 && !workday.isBefore(dates.today().plusDays(5)), workday.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2027-03-27", "2027-06-30", "2027-10-30"})
    void theOtherSideOfTheClockChangeIsWithinSevenMonthsAndKeepsOneOffsetAllDay(String today) {
        LocalDate from = on(today).today().plusDays(14);
        LocalDate across = FixtureDates.acrossTheClockChange(LONDON, from);
        assertNotEquals(LONDON.getRules().getOffset(from.atTime(12, 0)), LONDON.getRules().getOffset(across.atTime(12, 0)));
        assertEquals(LONDON.getRules().getOffset(across.atStartOfDay()), LONDON.getRules().getOffset(across.atTime(23, 0)));
        assertTrue(across.isBefore(from.plusMonths(7)), across.toString());
        LocalDate summer = FixtureDates.inSummerTime(LONDON, from);
        java.time.LocalDateTime skipped = on(today).inTheNextClockGap(ZoneId.of("Europe/Paris"));
        assertTrue(ZoneId.of("Europe/Paris").getRules().getValidOffsets(skipped).isEmpty(), skipped.toString());
        assertTrue(skipped.toLocalDate().isAfter(on(today).today().minusDays(1)), skipped.toString());
        assertTrue(LONDON.getRules().isDaylightSavings(summer.atTime(0, 30).atZone(LONDON).toInstant()), summer.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06", "2027-06-30", "2028-11-15"})
    void aFixtureMovesByWholeWeeksWithItsExceptionsAndItsRule(String today) throws Exception {
        LocalDate target = on(today).today().plusDays(2);
        String moved = FixtureDates.movedToWeekOf(Files.readString(CORPUS.resolve("valid/weekly-with-exceptions.ics")), target);
        String first = moved.replaceAll("(?s).*?\nDTSTART:(\\d{8}).*", "$1");
        LocalDate start = LocalDate.parse(first, BASIC_ISO_DATE);
        assertTrue(!start.isBefore(target) && start.isBefore(target.plusDays(7)), start + " for " + target);
        assertEquals(DayOfWeek.TUESDAY, start.getDayOfWeek(), "a weekly series keeps its weekday");
        String exception = FixtureDates.ical(start.plusWeeks(1));
        assertTrue(moved.contains("RECURRENCE-ID:" + exception + "T090000Z") && moved.contains("DTSTART:" + exception + "T110000Z"),
                "the moved occurrence moves with its series: " + moved);
        assertTrue(moved.contains("EXDATE:" + FixtureDates.ical(start.plusWeeks(2)) + "T090000Z"), moved);
        assertTrue(moved.contains("DTSTAMP:20261101T120000Z"), "stamps stay as written");

        String loose = FixtureDates.movedToWeekOf(Files.readString(CORPUS.resolve("invalid/until-not-a-date.ics")), target);
        LocalDate looseStart = LocalDate.parse(loose.replaceAll("(?s).*?\nDTSTART:(\\d{8}).*", "$1"),
                BASIC_ISO_DATE);
        assertTrue(loose.contains("UNTIL=" + looseStart.plusDays(29)), "a loose UNTIL keeps its form and its distance: " + loose);
    }
}
