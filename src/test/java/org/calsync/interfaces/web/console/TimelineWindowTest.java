package org.calsync.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.calsync.interfaces.facade.dto.PlanView;
import org.junit.jupiter.api.Test;

class TimelineWindowTest {

    // Saturday 5 December 2026 to Friday 18 December: the first week in view starts on Monday 7.
    private static final LocalDate SATURDAY = LocalDate.of(2026, 12, 5);
    private static final EnumSet<DayOfWeek> WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static TimelineWindow twoWeeks(boolean oneDay) {
        return TimelineWindow.first(SATURDAY, SATURDAY.plusDays(13), WORKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0), oneDay);
    }

    @Test
    void aWeekShowsItsChosenWeekdaysWithTheNightsBetweenThemHidden() {
        TimelineWindow week = twoWeeks(false);
        assertEquals(LocalDate.of(2026, 12, 7).datesUntil(LocalDate.of(2026, 12, 12)).toList(), week.shownDays());
        assertEquals(LocalDateTime.of(2026, 12, 7, 9, 0), week.start());
        assertEquals(LocalDateTime.of(2026, 12, 11, 17, 0), week.end());
        assertEquals(4, week.hidden().size());
        assertEquals(new PlanView.Span(LocalDateTime.of(2026, 12, 7, 17, 0), LocalDateTime.of(2026, 12, 8, 9, 0)),
                week.hidden().get(0));
        assertFalse(week.hasPrevious(), "the weekend before Monday has no chosen day");
        assertTrue(week.hasNext());
    }

    @Test
    void somethingOutsideTheShownHoursIsLeftOutAndALongBlockIsClipped() {
        TimelineWindow week = twoWeeks(false);
        assertFalse(week.shows(LocalDateTime.of(2026, 12, 5, 9, 0), LocalDateTime.of(2026, 12, 5, 12, 0)), "Saturday");
        assertFalse(week.shows(LocalDateTime.of(2026, 12, 14, 9, 0), LocalDateTime.of(2026, 12, 14, 12, 0)), "next week");
        assertFalse(week.shows(LocalDateTime.of(2026, 12, 8, 18, 0), LocalDateTime.of(2026, 12, 8, 20, 0)), "an evening");
        assertTrue(week.shows(LocalDateTime.of(2026, 12, 8, 16, 0), LocalDateTime.of(2026, 12, 8, 18, 0)));
        assertEquals(new PlanView.Span(LocalDateTime.of(2026, 12, 7, 9, 0), LocalDateTime.of(2026, 12, 7, 10, 0)),
                week.clip(LocalDateTime.of(2026, 12, 6, 0, 0), LocalDateTime.of(2026, 12, 7, 10, 0)));
    }

    @Test
    void navigationMovesByWeeksOrByChosenDaysAndStopsAtTheDaysAsked() {
        TimelineWindow second = twoWeeks(false).next();
        assertEquals(LocalDate.of(2026, 12, 14), second.shownDays().get(0));
        assertEquals(LocalDate.of(2026, 12, 18), second.shownDays().get(4));
        assertFalse(second.hasNext());
        assertEquals(twoWeeks(false).shownDays(), second.previous().shownDays());

        TimelineWindow friday = twoWeeks(true).next().next().next().next();
        assertEquals(List.of(LocalDate.of(2026, 12, 11)), friday.shownDays());
        assertEquals(List.of(LocalDate.of(2026, 12, 14)), friday.next().shownDays(), "the weekend is skipped");
        assertTrue(friday.hidden().isEmpty());
        assertEquals(List.of(LocalDate.of(2026, 12, 14)), friday.next().showingOneDay(false).shownDays().subList(0, 1));
    }

    @Test
    void onlyTheChosenWeekdaysAreShown() {
        TimelineWindow tuesdaysAndThursdays = TimelineWindow.first(SATURDAY, SATURDAY.plusDays(13),
                EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(8, 0), LocalTime.of(12, 0), false);
        assertEquals(List.of(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 10)), tuesdaysAndThursdays.shownDays());
        assertEquals(new PlanView.Span(LocalDateTime.of(2026, 12, 8, 12, 0), LocalDateTime.of(2026, 12, 10, 8, 0)),
                tuesdaysAndThursdays.hidden().get(0));
    }
}
