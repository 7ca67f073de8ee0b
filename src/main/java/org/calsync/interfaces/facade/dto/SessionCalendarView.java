package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.List;

/**
 * Where one session goes in one of a person's accounts.
 *
 * @param kind                the account's kind as pages name it (CALDAV, GOOGLE, OUTLOOK_COM, …)
 * @param account             the account as its owner knows it: the address or user name it signs in with
 * @param calendarId          the calendar that receives the session; null when this account receives none
 * @param usualCalendarId     the account's usual target, which receives the sessions nobody chose a calendar for
 * @param chosenForTheSession whether a calendar was chosen for this session instead of the usual target
 * @param calendars           the account's calendars that accept events, which may be chosen
 */
public record SessionCalendarView(String accountId, String kind, String account, String calendarId,
        String usualCalendarId, boolean chosenForTheSession, List<Option> calendars) implements Serializable {

    /** A calendar that may be chosen. */
    public record Option(String id, String name) implements Serializable {
    }
}
