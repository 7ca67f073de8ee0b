package org.calsync.domain.model.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.person.WorkingHours;
import org.calsync.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class FreeSlotFinderTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    // Monday 23 November 2026, before anything asked for.
    private static final FreeSlotFinder FINDER = new FreeSlotFinder(
            Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC));
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private static SlotSearch oneHour(LocalDate from, LocalDate to) {
        return new SlotSearch(from, to, Duration.ofHours(1), LocalTime.of(9, 0), LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), PARIS, Duration.ofMinutes(30));
    }

    private static Instant paris(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(PARIS).toInstant();
    }

    private static BusyInterval busy(LocalDate day, int fromHour, int toHour) {
        return new BusyInterval(paris(day, fromHour, 0), paris(day, toHour, 0), false);
    }

    private static Attendee parisian(String id, BusyInterval... busy) {
        return new Attendee(id, WorkingHours.officeHours(), PARIS, List.of(busy));
    }

    @Test
    void theFirstTimeEveryoneIsFreeComesFirst() {
        Attendee anna = parisian("anna", busy(MONDAY, 9, 11));
        Attendee ben = parisian("ben", busy(MONDAY, 10, 12), busy(MONDAY, 11, 13));

        List<FreeSlot> slots = FINDER.find(oneHour(MONDAY, MONDAY), List.of(anna, ben), 5);

        assertEquals(paris(MONDAY, 13, 0), slots.get(0).start(), "overlapping busy blocks merge up to 13:00");
        assertTrue(slots.get(0).suitsEveryone());
        assertTrue(slots.stream().limit(2).allMatch(FreeSlot::suitsEveryone));
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                FreeSlot a = slots.get(i);
                FreeSlot b = slots.get(j);
                assertFalse(a.start().isBefore(b.end()) && a.end().isAfter(b.start()), "suggestions never overlap");
            }
        }
    }

    @Test
    void whenNoTimeSuitsEveryoneTheFewestBusyComeFirstAndAreNamed() {
        Attendee anna = parisian("anna", busy(MONDAY, 9, 17));
        Attendee ben = parisian("ben", busy(MONDAY, 9, 12));
        Attendee cleo = parisian("cleo");

        List<FreeSlot> slots = FINDER.find(oneHour(MONDAY, MONDAY), List.of(anna, ben, cleo), 3);

        assertEquals(List.of("anna"), slots.get(0).busyPersonIds());
        assertEquals(paris(MONDAY, 12, 0), slots.get(0).start());
        assertFalse(slots.get(0).suitsEveryone());
    }

    @Test
    void someoneOutsideTheirOwnWorkingHoursRanksBelowEveryoneWorking() {
        // London works 09:00-17:00 London time, so Paris 09:00-10:00 is 08:00 for them.
        Attendee anna = parisian("anna", busy(MONDAY, 11, 17));
        Attendee lee = new Attendee("lee", WorkingHours.officeHours(), LONDON, List.of());

        List<FreeSlot> slots = FINDER.find(oneHour(MONDAY, MONDAY), List.of(anna, lee), 2);

        assertEquals(paris(MONDAY, 10, 0), slots.get(0).start());
        assertTrue(slots.get(0).suitsEveryone());
        assertEquals(paris(MONDAY, 9, 0), slots.get(1).start());
        assertEquals(List.of("lee"), slots.get(1).outsideHoursPersonIds());
    }

    @Test
    void suggestionsSpreadOverTheDaysAndSkipWeekendsAndThePast() {
        FreeSlotFinder lateMonday = new FreeSlotFinder(Clock.fixed(paris(MONDAY, 15, 10), ZoneOffset.UTC));

        List<FreeSlot> slots = lateMonday.find(oneHour(MONDAY, MONDAY.plusDays(7)), List.of(parisian("anna")), 10);

        assertEquals(paris(MONDAY, 15, 30), slots.get(0).start(), "nothing starts before now");
        assertEquals(10, slots.size());
        assertTrue(slots.stream().map(slot -> slot.start().atZone(PARIS).getDayOfWeek())
                .noneMatch(day -> day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY));
        assertEquals(2, slots.stream().filter(slot -> slot.start().atZone(PARIS).toLocalDate().equals(MONDAY.plusDays(1)))
                .count(), "two a day while other days have room");
    }

    @Test
    void aFullDayBusyEventBlocksEveryCandidateThatDay() {
        BusyInterval allDay = new BusyInterval(MONDAY.atStartOfDay(PARIS).toInstant(),
                MONDAY.plusDays(1).atStartOfDay(PARIS).toInstant(), true);

        List<FreeSlot> slots = FINDER.find(oneHour(MONDAY, MONDAY.plusDays(1)), List.of(parisian("anna", allDay)), 4);

        assertTrue(slots.stream().filter(FreeSlot::suitsEveryone)
                .allMatch(slot -> slot.start().atZone(PARIS).toLocalDate().equals(MONDAY.plusDays(1))));
        assertEquals(2, slots.stream().filter(FreeSlot::suitsEveryone).count());
    }

    @Test
    void anImpossibleRequestIsRefusedWithTheFieldToFix() {
        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> new SlotSearch(MONDAY, MONDAY,
                Duration.ofHours(3), LocalTime.of(9, 0), LocalTime.of(11, 0), EnumSet.of(DayOfWeek.MONDAY), PARIS, null));
        assertTrue(tooLong.getMessage().contains("longer than the hours"), tooLong.getMessage());
        InvalidInputException backwards = assertThrows(InvalidInputException.class, () -> oneHour(MONDAY, MONDAY.minusDays(1)));
        assertTrue(backwards.getMessage().contains("must not be before"), backwards.getMessage());
    }
}
