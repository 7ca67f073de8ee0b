package org.calsync.domain.model.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.calsync.domain.model.calendar.BusyTime.ShowAs;
import org.junit.jupiter.api.Test;

class BusyTimeTest {

    private static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2027-03-01T00:00:00Z"),
            Instant.parse("2027-04-01T00:00:00Z"));
    private static final Instant NINE = Instant.parse("2027-03-10T09:00:00Z");
    private static final Instant TEN = Instant.parse("2027-03-10T10:00:00Z");

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
        Instant day = Instant.parse("2027-03-12T00:00:00Z");
        Optional<BusyInterval> busy = BusyTime.of(day, day.plusSeconds(86_400), true, ShowAs.BUSY, false, WINDOW);
        assertTrue(busy.isPresent() && busy.get().allDay());
    }

    @Test
    void onlyOccurrencesThatTakeTimeAndOverlapTheWindowCount() {
        assertEquals(Optional.empty(), BusyTime.of(NINE, NINE, false, ShowAs.BUSY, false, WINDOW), "no time taken");
        Instant before = Instant.parse("2027-02-27T09:00:00Z");
        assertEquals(Optional.empty(), BusyTime.of(before, before.plusSeconds(3600), false, ShowAs.BUSY, false, WINDOW));
        Instant lastEvening = Instant.parse("2027-02-28T23:00:00Z");
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
