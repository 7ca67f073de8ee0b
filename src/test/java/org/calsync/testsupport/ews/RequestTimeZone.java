package org.calsync.testsupport.ews;

import static org.calsync.testsupport.ews.EwsSchema.TYPES;
import static org.calsync.testsupport.ews.EwsXml.child;
import static org.calsync.testsupport.ews.EwsXml.text;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

import org.w3c.dom.Element;

/**
 * The legacy time zone of a GetUserAvailability request (Bias, StandardTime, DaylightTime): Exchange answers
 * in local times of that zone, without an offset, and so does the simulator.
 */
final class RequestTimeZone {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final int bias;
    private final Rule standard;
    private final Rule daylight;

    RequestTimeZone(Element timeZone) {
        bias = Integer.parseInt(text(timeZone, TYPES, "Bias"));
        standard = Rule.of(child(timeZone, TYPES, "StandardTime"));
        daylight = Rule.of(child(timeZone, TYPES, "DaylightTime"));
    }

    /** As Exchange writes it: local, to the second, without an offset. */
    String localText(Instant at) {
        return LOCAL.format(local(at));
    }

    LocalDateTime local(Instant at) {
        int offsetMinutes = -(bias + (inDaylight(at) ? daylight.bias : standard.bias));
        return LocalDateTime.ofInstant(at, ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }

    Instant instant(LocalDateTime local) {
        Instant guess = local.toInstant(ZoneOffset.ofTotalSeconds(-(bias + standard.bias) * 60));
        int offsetMinutes = -(bias + (inDaylight(guess) ? daylight.bias : standard.bias));
        return local.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }

    private boolean inDaylight(Instant at) {
        if (standard.month == 0 || daylight.month == 0) {
            return false;
        }
        int year = LocalDateTime.ofInstant(at, ZoneOffset.ofTotalSeconds(-bias * 60)).getYear();
        Instant begins = daylight.transition(year).toInstant(ZoneOffset.ofTotalSeconds(-(bias + standard.bias) * 60));
        Instant ends = standard.transition(year).toInstant(ZoneOffset.ofTotalSeconds(-(bias + daylight.bias) * 60));
        return begins.isBefore(ends) ? !at.isBefore(begins) && at.isBefore(ends) : !at.isBefore(begins) || at.isBefore(ends);
    }

    private record Rule(int bias, LocalTime time, int dayOrder, int month, DayOfWeek dayOfWeek) {

        static Rule of(Element rule) {
            if (rule == null) {
                return new Rule(0, LocalTime.MIDNIGHT, 0, 0, DayOfWeek.SUNDAY);
            }
            return new Rule(Integer.parseInt(text(rule, TYPES, "Bias")), LocalTime.parse(text(rule, TYPES, "Time")),
                    Integer.parseInt(text(rule, TYPES, "DayOrder")), Integer.parseInt(text(rule, TYPES, "Month")),
                    DayOfWeek.valueOf(text(rule, TYPES, "DayOfWeek").toUpperCase()));
        }

        /** The n-th given weekday of the month (5 meaning the last), at the given time. */
        LocalDateTime transition(int year) {
            LocalDate first = LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(dayOfWeek));
            LocalDate day = first.plusWeeks(dayOrder - 1L);
            if (day.getMonthValue() != month) {
                day = LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(dayOfWeek));
            }
            return day.atTime(time);
        }
    }
}
