package org.calsync.domain.model.booking;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.BusyTime;
import org.calsync.domain.model.calendar.BusyTime.ShowAs;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class BookableSlotFinderTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final TenantId TENANT = new TenantId("tenant-1");
    /** A Monday; the tests' "now" is the Friday before, at noon in London, so every day asked about is ahead. */
    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 11);

    private Clock clock = Clock.fixed(at(MONDAY.minusDays(3), "12:00", LONDON), ZoneOffset.UTC);

    @Test
    void offersStartsEveryStepWhereTheWholeLengthFitsTheHours() {
        List<BookableSlot> slots = slotsOn(MONDAY, weekdays("09:00", "11:00"), kind(45, 0, 0), diary());

        assertEquals(List.of("09:00", "09:15", "09:30", "09:45", "10:00", "10:15"), startTimes(slots, LONDON));
        assertEquals(at(MONDAY, "09:45", LONDON), slots.get(0).end());
    }

    @Test
    void keepsTheBuffersFreeAroundEveryBusyTimeAndSession() {
        BusyInterval meeting = busy(MONDAY, "10:00", "10:30", LONDON);

        List<BookableSlot> slots = slotsOn(MONDAY, weekdays("09:00", "12:00"), kind(30, 15, 15), diary(meeting));

        // 09:15-09:45 ends 15 minutes before the meeting; 10:45 starts 15 minutes after it.
        assertEquals(List.of("09:00", "09:15", "10:45", "11:00", "11:15", "11:30"), startTimes(slots, LONDON));
    }

    @Test
    void aBookingKeepsItsOwnBufferFree() {
        // A review booked 09:00-09:45 (also among the busy times, as its session), with 15 minutes kept after it.
        InstructorDiary booked = new InstructorDiary(List.of(busy(MONDAY, "09:00", "09:45", LONDON)),
                List.of(at(MONDAY, "09:00", LONDON)));

        List<BookableSlot> slots = slotsOn(MONDAY, weekdays("09:00", "12:00"), kind(45, 0, 15), booked);

        // 09:45 would sit in the booking's own buffer after it; 11:15 ends at 12:00, its buffer outside the hours.
        assertEquals(List.of("10:00", "10:15", "10:30", "10:45", "11:00", "11:15"), startTimes(slots, LONDON));
    }

    @Test
    void offersNothingWithinTheNoticeOrInThePast() {
        clock = Clock.fixed(at(MONDAY, "09:20", LONDON), ZoneOffset.UTC);
        BookableKind twoHoursNotice = kind(30, 0, 0, 120, 30, 8);

        List<BookableSlot> slots = slotsOn(MONDAY, weekdays("09:00", "12:30"), twoHoursNotice, diary());

        assertEquals(List.of("11:30", "11:45", "12:00"), startTimes(slots, LONDON));
    }

    @Test
    void offersNothingBeyondTheHorizon() {
        BookableKind fourDaysAhead = kind(60, 0, 0, 0, 4, 8);
        Availability weekdays = weekdays("09:00", "10:00");

        List<BookableSlot> slots = finder().find(weekdays.published, fourDaysAhead, diary(),
                at(MONDAY.minusDays(3), "00:00", LONDON), at(MONDAY.plusDays(7), "00:00", LONDON));

        // Now is Friday noon: four days ahead ends on Tuesday at noon, so Monday and Tuesday 09:00 only.
        assertEquals(List.of(at(MONDAY, "09:00", LONDON), at(MONDAY.plusDays(1), "09:00", LONDON)), starts(slots));
    }

    @Test
    void aDayWithTheMostBookingsOfTheKindOffersNoMore() {
        BookableKind twoADay = kind(60, 0, 0, 0, 30, 2);
        InstructorDiary twoBookedOnMonday = new InstructorDiary(List.of(),
                List.of(at(MONDAY, "09:00", LONDON), at(MONDAY, "23:30", LONDON)));

        List<BookableSlot> monday = slotsOn(MONDAY, weekdays("13:00", "15:00"), twoADay, twoBookedOnMonday);
        List<BookableSlot> tuesday = slotsOn(MONDAY.plusDays(1), weekdays("13:00", "15:00"), twoADay, twoBookedOnMonday);

        assertEquals(List.of(), monday);
        assertEquals(List.of("13:00", "13:15", "13:30", "13:45", "14:00"), startTimes(tuesday, LONDON));
    }

    @Test
    void theDailyMaximumCountsDaysInTheInstructorsZone() {
        BookableKind oneADay = kind(60, 0, 0, 0, 30, 1);
        // 02:00 on Tuesday in UTC is still Monday evening in New York.
        InstructorDiary bookedMondayEvening = new InstructorDiary(List.of(), List.of(at(MONDAY.plusDays(1), "02:00", ZoneOffset.UTC)));

        assertEquals(List.of(), slotsOn(MONDAY, weekdays("09:00", "10:00", NEW_YORK), oneADay, bookedMondayEvening));
        assertEquals(1, slotsOn(MONDAY.plusDays(1), weekdays("09:00", "10:00", NEW_YORK), oneADay, bookedMondayEvening).size());
    }

    @Test
    void hoursAreReadInTheInstructorsOwnZone() {
        List<BookableSlot> slots = slotsOn(MONDAY, weekdays("09:00", "10:00", NEW_YORK), kind(60, 0, 0), diary());

        assertEquals(List.of(Instant.parse("2027-01-11T14:00:00Z")), starts(slots));
    }

    @Test
    void nineOClockStaysNineOClockAcrossTheChangeToSummerTime() {
        LocalDate friday = LocalDate.of(2027, 3, 26);
        LocalDate mondayAfter = LocalDate.of(2027, 3, 29);
        clock = Clock.fixed(at(friday.minusDays(1), "12:00", LONDON), ZoneOffset.UTC);

        assertEquals(List.of(Instant.parse("2027-03-26T09:00:00Z")), starts(slotsOn(friday, weekdays("09:00", "10:00"), kind(60, 0, 0), diary())));
        assertEquals(List.of(Instant.parse("2027-03-29T08:00:00Z")), starts(slotsOn(mondayAfter, weekdays("09:00", "10:00"), kind(60, 0, 0), diary())));
    }

    @Test
    void theSkippedHourOffersNoStartAndNoDoubleStart() {
        LocalDate sunday = LocalDate.of(2027, 3, 28);
        clock = Clock.fixed(at(sunday.minusDays(2), "12:00", LONDON), ZoneOffset.UTC);
        Availability earlySunday = availability(LONDON, new WeeklyHours(DayOfWeek.SUNDAY, time("00:00"), time("03:00")));

        List<BookableSlot> slots = slotsOn(sunday, earlySunday, kind(30, 0, 0, 0, 30, 8, 30), diary());

        // 01:00 to 02:00 does not exist that night: 01:00 and 01:30 both become 02:00 (01:00 UTC), offered once.
        assertEquals(List.of(
                Instant.parse("2027-03-28T00:00:00Z"), Instant.parse("2027-03-28T00:30:00Z"),
                Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-03-28T01:30:00Z")), starts(slots));
        slots.forEach(slot -> assertEquals(Duration.ofMinutes(30), Duration.between(slot.start(), slot.end())));
    }

    @Test
    void aDayOffOffersNothingAndTimeOffTakesItsStretchOut() {
        Availability withChanges = availability(LONDON, mondayToFriday("09:00", "12:00"),
                List.of(AvailabilityChange.dayOff(MONDAY), AvailabilityChange.timeOff(MONDAY.plusDays(1), time("10:00"), time("11:00"))));

        assertEquals(List.of(), slotsOn(MONDAY, withChanges, kind(60, 0, 0, 0, 30, 8, 60), diary()));
        assertEquals(List.of("09:00", "11:00"), startTimes(slotsOn(MONDAY.plusDays(1), withChanges, kind(60, 0, 0, 0, 30, 8, 60), diary()), LONDON));
    }

    @Test
    void extraHoursAddToTheWeekAndMayFallOnADayWithNone() {
        LocalDate saturday = MONDAY.plusDays(5);
        Availability withChanges = availability(LONDON, mondayToFriday("09:00", "10:00"),
                List.of(AvailabilityChange.extraHours(MONDAY, time("10:00"), time("11:00")),
                        AvailabilityChange.extraHours(saturday, time("14:00"), time("15:00"))));

        // Monday's extra hour joins its weekly hour: a 90-minute session fits across the two.
        assertEquals(List.of("09:00", "09:30"), startTimes(slotsOn(MONDAY, withChanges, kind(90, 0, 0, 0, 30, 8, 30), diary()), LONDON));
        assertEquals(List.of("14:00"), startTimes(slotsOn(saturday, withChanges, kind(60, 0, 0, 0, 30, 8, 60), diary()), LONDON));
    }

    @Test
    void anAllDayBusyEventBlocksTheWholeDay() {
        TimeWindow window = new TimeWindow(at(MONDAY.minusDays(7), "00:00", LONDON), at(MONDAY.plusDays(7), "00:00", LONDON));
        BusyInterval holiday = BusyTime.of(at(MONDAY, "00:00", LONDON), at(MONDAY.plusDays(1), "00:00", LONDON), true,
                ShowAs.OUT_OF_OFFICE, false, window).orElseThrow();

        assertEquals(List.of(), slotsOn(MONDAY, weekdays("09:00", "17:00"), kind(60, 0, 0), diary(holiday)));
        assertFalse(slotsOn(MONDAY.plusDays(1), weekdays("09:00", "17:00"), kind(60, 0, 0), diary(holiday)).isEmpty());
    }

    @Test
    void tentativeTimeBlocksAndFreeTimeDoesNot() {
        TimeWindow window = new TimeWindow(at(MONDAY.minusDays(7), "00:00", LONDON), at(MONDAY.plusDays(7), "00:00", LONDON));
        List<BusyInterval> busy = new ArrayList<>();
        Optional<BusyInterval> tentative = BusyTime.of(at(MONDAY, "09:00", LONDON), at(MONDAY, "10:00", LONDON), false,
                ShowAs.TENTATIVE, false, window);
        Optional<BusyInterval> free = BusyTime.of(at(MONDAY, "10:00", LONDON), at(MONDAY, "11:00", LONDON), false,
                ShowAs.FREE, false, window);
        Optional<BusyInterval> cancelled = BusyTime.of(at(MONDAY, "11:00", LONDON), at(MONDAY, "12:00", LONDON), false,
                ShowAs.BUSY, true, window);
        tentative.ifPresent(busy::add);
        free.ifPresent(busy::add);
        cancelled.ifPresent(busy::add);

        List<BookableSlot> slots = slotsOn(MONDAY, weekdays("09:00", "12:00"), kind(60, 0, 0, 0, 30, 8, 60),
                new InstructorDiary(busy, List.of()));

        assertEquals(List.of("10:00", "11:00"), startTimes(slots, LONDON));
    }

    @Test
    void oneStartIsBookableOnlyWhenTheListWouldOfferIt() {
        Availability hours = weekdays("09:00", "11:00");
        InstructorDiary meeting = diary(busy(MONDAY, "10:00", "10:30", LONDON));

        assertTrue(finder().isBookable(hours.published, kind(30, 0, 0), meeting, at(MONDAY, "09:30", LONDON)));
        assertFalse(finder().isBookable(hours.published, kind(30, 0, 0), meeting, at(MONDAY, "10:15", LONDON)));
        // Not on the grid of start times.
        assertFalse(finder().isBookable(hours.published, kind(30, 0, 0), meeting, at(MONDAY, "09:07", LONDON)));
    }

    @Test
    void refusesADayOffThatAlsoHasExtraHours() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> availability(LONDON, mondayToFriday("09:00", "10:00"),
                List.of(AvailabilityChange.dayOff(MONDAY), AvailabilityChange.extraHours(MONDAY, time("14:00"), time("15:00")))));
        assertEquals(List.of("availability.extraHoursOnDayOff"), refused.errors().stream().map(error -> error.text().key()).toList());
    }

    @Test
    void refusesHoursThatEndBeforeTheyStart() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new WeeklyHours(DayOfWeek.MONDAY, time("10:00"), time("09:00")));
        assertEquals(List.of("availability.endBeforeStart"), refused.errors().stream().map(error -> error.text().key()).toList());
    }

    private List<BookableSlot> slotsOn(LocalDate day, Availability availability, BookableKind kind, InstructorDiary diary) {
        ZoneId zone = availability.published.zone();
        return finder().find(availability.published, kind, diary, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private BookableSlotFinder finder() {
        return new BookableSlotFinder(clock);
    }

    /** Published availability, wrapped so that the helpers read as sentences. */
    private record Availability(PublishedAvailability published) {
    }

    private static Availability weekdays(String start, String end) {
        return weekdays(start, end, LONDON);
    }

    private static Availability weekdays(String start, String end, ZoneId zone) {
        return availability(zone, mondayToFriday(start, end), List.of());
    }

    private static Availability availability(ZoneId zone, WeeklyHours... hours) {
        return availability(zone, List.of(hours), List.of());
    }

    private static Availability availability(ZoneId zone, List<WeeklyHours> hours, List<AvailabilityChange> changes) {
        return new Availability(new PublishedAvailability(TENANT, "instructor-1", zone, hours, changes));
    }

    private static List<WeeklyHours> mondayToFriday(String start, String end) {
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(new WeeklyHours(day, time(start), time(end)));
        }
        return hours;
    }

    private static BookableKind kind(int length, int bufferBefore, int bufferAfter) {
        return kind(length, bufferBefore, bufferAfter, 0, 30, 8);
    }

    private static BookableKind kind(int length, int bufferBefore, int bufferAfter, int noticeMinutes, int horizonDays,
            int maxPerDay) {
        return kind(length, bufferBefore, bufferAfter, noticeMinutes, horizonDays, maxPerDay, 15);
    }

    private static BookableKind kind(int length, int bufferBefore, int bufferAfter, int noticeMinutes, int horizonDays,
            int maxPerDay, int startEvery) {
        return new BookableKind(TENANT, "instructor-1", new BookableKind.Settings("Progress review", length,
                bufferBefore, bufferAfter, noticeMinutes, horizonDays, maxPerDay, startEvery, null));
    }

    private static InstructorDiary diary(BusyInterval... busy) {
        return new InstructorDiary(List.of(busy), List.of());
    }

    private static BusyInterval busy(LocalDate day, String start, String end, ZoneId zone) {
        return new BusyInterval(at(day, start, zone), at(day, end, zone), false);
    }

    private static Instant at(LocalDate day, String time, ZoneId zone) {
        return LocalDateTime.of(day, time(time)).atZone(zone).toInstant();
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text);
    }

    private static List<Instant> starts(List<BookableSlot> slots) {
        return slots.stream().map(BookableSlot::start).toList();
    }

    private static List<String> startTimes(List<BookableSlot> slots, ZoneId zone) {
        return slots.stream().map(slot -> slot.start().atZone(zone).toLocalTime().toString()).toList();
    }
}
