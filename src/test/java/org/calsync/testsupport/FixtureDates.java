package org.calsync.testsupport;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days for test data that must lie inside a window moving with the date: the pull window (yesterday to twelve
 * months ahead), "upcoming" lists, a cancellation deadline. Every day is derived from the clock given, so a test
 * means the same on any date. Integration tests use {@link #fromToday()}, since the server they talk to runs on
 * the system clock; the helpers themselves are tested with fixed clocks.
 */
public final class FixtureDates {

    private static final DateTimeFormatter API = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter API_ANSWER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter ICAL_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter ICAL_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** A year of days is always enough to meet both sides of a clock change, where a zone has one. */
    private static final int SEARCH_DAYS = 400;
    /** Dates of the properties that place an event in time, and the UNTIL of its rule (also the loose 2026-12-31). */
    private static final Pattern EVENT_DATE = Pattern.compile(
            "(?m)^((?:DTSTART|DTEND|DUE|RECURRENCE-ID|EXDATE|RDATE)[^:\\r\\n]*:)([^\\r\\n]*)|(UNTIL=)(\\d{4}-?\\d{2}-?\\d{2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})(-?)(\\d{2})(-?)(\\d{2})");
    private static final Pattern FIRST_START = Pattern.compile("(?m)^DTSTART[^:\\r\\n]*:(\\d{8})");

    private final LocalDate today;

    public FixtureDates(Clock clock) {
        this.today = LocalDate.now(clock);
    }

    public static FixtureDates fromToday() {
        return new FixtureDates(Clock.systemUTC());
    }

    public LocalDate today() {
        return today;
    }

    /** The first {@code day} of the week at least {@code weeks} weeks from today. */
    public LocalDate weeksAhead(int weeks, DayOfWeek day) {
        return today.plusWeeks(weeks).with(TemporalAdjusters.nextOrSame(day));
    }

    /** The first weekday (Monday to Friday) at least {@code days} days from today. */
    public LocalDate workdayAhead(int days) {
        LocalDate day = today.plusDays(days);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The first day after {@code from} on which the zone's offset differs from its offset on {@code from}: the
     * other side of the next clock change. Both days are whole days of one offset, measured at noon.
     */
    public static LocalDate acrossTheClockChange(ZoneId zone, LocalDate from) {
        ZoneOffset before = offsetAtNoon(zone, from);
        for (LocalDate day = from.plusDays(1); day.isBefore(from.plusDays(SEARCH_DAYS)); day = day.plusDays(1)) {
            if (!offsetAtNoon(zone, day).equals(before) && offsetAtNoon(zone, day).equals(offsetAtMidnight(zone, day))) {
                return day;
            }
        }
        throw new IllegalArgumentException(zone + " keeps one offset all year");
    }

    /** The first day on or after {@code from} on which the zone keeps daylight-saving (summer) time all day. */
    public static LocalDate inSummerTime(ZoneId zone, LocalDate from) {
        for (LocalDate day = from; day.isBefore(from.plusDays(SEARCH_DAYS)); day = day.plusDays(1)) {
            if (zone.getRules().isDaylightSavings(day.atStartOfDay(zone).toInstant())
                    && zone.getRules().isDaylightSavings(day.plusDays(1).atStartOfDay(zone).toInstant())) {
                return day;
            }
        }
        throw new IllegalArgumentException(zone + " has no summer time");
    }

    /** A wall-clock time that does not exist in the zone: half an hour into its next spring-forward gap. */
    public LocalDateTime inTheNextClockGap(ZoneId zone) {
        var transition = zone.getRules().nextTransition(today.atStartOfDay(zone).toInstant());
        while (transition != null && !transition.isGap()) {
            transition = zone.getRules().nextTransition(transition.getInstant());
        }
        if (transition == null) {
            throw new IllegalArgumentException(zone + " skips no hour");
        }
        return transition.getDateTimeBefore().plusMinutes(30);
    }

    /** As the API takes a local time: {@code 2027-06-08T09:00}. */
    public static String api(LocalDateTime time) {
        return API.format(time);
    }

    /** As the API answers a local time: {@code 2027-06-08T09:00:00}. */
    public static String apiAnswer(LocalDateTime time) {
        return API_ANSWER.format(time);
    }

    /** As iCalendar writes a local (TZID) time: {@code 20270608T090000}. */
    public static String ical(LocalDateTime time) {
        return ICAL_LOCAL.format(time);
    }

    /** As iCalendar writes a DATE: {@code 20270608}. */
    public static String ical(LocalDate day) {
        return ICAL_DATE.format(day);
    }

    /**
     * An iCalendar text from the fixture corpus, moved by whole weeks so that its first DTSTART falls in the week
     * that starts on {@code day}, or on it. Every date that places an event moves with it (starts, ends,
     * recurrence ids, exceptions, a rule's UNTIL, in whatever form the file wrote it), so weekdays, series and
     * their exceptions keep their shape. DTSTAMP and the like stay as written.
     */
    public static String movedToWeekOf(String ics, LocalDate day) {
        Matcher first = FIRST_START.matcher(ics);
        if (!first.find()) {
            throw new IllegalArgumentException("No DTSTART in " + ics);
        }
        LocalDate start = LocalDate.parse(first.group(1), ICAL_DATE);
        while (first.find()) {
            LocalDate other = LocalDate.parse(first.group(1), ICAL_DATE);
            start = other.isBefore(start) ? other : start;
        }
        long weeks = Math.floorDiv(ChronoUnit.DAYS.between(start, day) + 6, 7);
        Matcher dates = EVENT_DATE.matcher(ics);
        StringBuilder moved = new StringBuilder();
        while (dates.find()) {
            String replacement = dates.group(1) != null ? dates.group(1) + shiftDays(dates.group(2), weeks)
                    : dates.group(3) + shiftDays(dates.group(4), weeks);
            dates.appendReplacement(moved, Matcher.quoteReplacement(replacement));
        }
        dates.appendTail(moved);
        return moved.toString();
    }

    private static String shiftDays(String values, long weeks) {
        Matcher day = DAY.matcher(values);
        StringBuilder shifted = new StringBuilder();
        while (day.find()) {
            LocalDate moved = LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(3)),
                    Integer.parseInt(day.group(5))).plusWeeks(weeks);
            String dash = day.group(2);
            day.appendReplacement(shifted, "%04d%s%02d%s%02d".formatted(moved.getYear(), dash, moved.getMonthValue(),
                    day.group(4), moved.getDayOfMonth()));
        }
        day.appendTail(shifted);
        return shifted.toString();
    }

    private static ZoneOffset offsetAtNoon(ZoneId zone, LocalDate day) {
        return zone.getRules().getOffset(day.atTime(12, 0));
    }

    private static ZoneOffset offsetAtMidnight(ZoneId zone, LocalDate day) {
        return zone.getRules().getOffset(day.atStartOfDay(zone).toInstant());
    }
}
