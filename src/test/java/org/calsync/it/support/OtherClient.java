package org.calsync.it.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Events as another calendar client (a phone, Thunderbird) would put them in someone's calendar. */
public final class OtherClient {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private OtherClient() {
    }

    /** A one-off busy event from one hour to another of a day, wall-clock in the zone given. */
    public static String event(String uid, LocalDate day, int fromHour, int toHour, ZoneId zone, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other client//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:" + utc(day, fromHour, zone) + "\r\nDTEND:"
                + utc(day, toHour, zone) + "\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static String utc(LocalDate day, int hour, ZoneId zone) {
        return UTC.format(day.atTime(hour, 0).atZone(zone).withZoneSameInstant(ZoneOffset.UTC));
    }
}
