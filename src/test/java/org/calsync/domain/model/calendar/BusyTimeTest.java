package org.calsync.domain.model.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.calsync.domain.model.calendar.BusyTime.ShowAs;
import org.junit.jupiter.api.Test;

class BusyTimeTest {

    /** A month-long window starting a month from today; the rule reads no clock, the fixtures follow today anyway. */
    private static final Instant START = LocalDate.now(ZoneOffset.UTC).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final TimeWindow WINDOW = new TimeWindow(START, START.plus(Duration.ofDays(31)));
    private static final Instant NINE = START.plus(Duration.ofDays(9)).plus(Duration.ofHours(9));
    private static final Instant TEN = NINE.plus(Duration.ofHours(1));

    private static Optional<BusyInterval> meeting(ShowAs showAs, boolean cancelled) {
        return BusyTime.of(NINE, TEN, false, showAs, cancelled, WINDOW);
    }

    @Test
    void busyTentativeAndOutOfOfficeTimeBlocksTheTime() {
        for (ShowAs blocking : new ShowAs[] {ShowAs.BUSY, ShowAs.TENTATIVE, ShowAs.OUT_OF_OFFICE}) {
            assertEquals(Optional.of(new BusyInterval(NINE, TEN, false)), meeting(blocking, false), blocking.name());
        }
    }

    @Test
    void freeTimeWorkingElsewhereAndCancelledOccurrencesBlockNothing() {
        assertEquals(Optional.empty(), meeting(ShowAs.FREE, false));
        assertEquals(Optional.empty(), meeting(ShowAs.WORKING_ELSEWHERE, false));
        assertEquals(Optional.empty(), meeting(ShowAs.BUSY, true), "cancelled");
        assertTrue(BusyTime.canBlock(ShowAs.TENTATIVE, false));
        assertTrue(!BusyTime.canBlock(ShowAs.BUSY, true) && !BusyTime.canBlock(ShowAs.FREE, false));
    }

    @Test
    void anAllDayOccurrenceBlocksItsDayAndSaysSo() {
        Instant day = START.plus(Duration.ofDays(11));
        Optional<BusyInterval> busy = BusyTime.of(day, day.plusSeconds(86_400), true, ShowAs.BUSY, false, WINDOW);
        assertTrue(busy.isPresent() && busy.get().allDay());
    }

    @Test
    void onlyOccurrencesThatTakeTimeAndOverlapTheWindowCount() {
        assertEquals(Optional.empty(), BusyTime.of(NINE, NINE, false, ShowAs.BUSY, false, WINDOW), "no time taken");
        Instant before = START.minus(Duration.ofDays(2)).plus(Duration.ofHours(9));
        assertEquals(Optional.empty(), BusyTime.of(before, before.plusSeconds(3600), false, ShowAs.BUSY, false, WINDOW));
        Instant lastEvening = START.minus(Duration.ofHours(1));
        assertTrue(BusyTime.of(lastEvening, lastEvening.plusSeconds(7200), false, ShowAs.BUSY, false, WINDOW).isPresent(),
                "one that runs into the window counts");
        assertEquals(Optional.empty(), BusyTime.of(WINDOW.to(), WINDOW.to().plusSeconds(60), false, ShowAs.BUSY, false,
                WINDOW), "one that starts as the window ends does not");
    }

    @Test
    void anOccurrenceThatEndsBeforeItStartsIsRefusedEvenWhenItWouldBlockNothing() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BusyTime.of(TEN, NINE, false, ShowAs.FREE, false, WINDOW));
        assertTrue(refused.getMessage().contains("ends before it starts"), refused.getMessage());
    }
}
