package org.calsync.interfaces.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.faces.model.SelectItem;

import org.calsync.interfaces.facade.dto.SessionCalendarView;

/** What the portal's and the console's menus of a session's calendar show and say. */
public final class SessionCalendarMenus {

    private SessionCalendarMenus() {
    }

    /**
     * The account's calendars that accept events, the usual target marked as such; "not in this account" comes
     * first when the account has no usual target, as that is where the session stays unless one is chosen.
     */
    public static List<SelectItem> options(SessionCalendarView account) {
        List<SelectItem> options = new ArrayList<>();
        if (account.usualCalendarId() == null) {
            options.add(new SelectItem("", Texts.get("mySessionCalendars.notInThisAccount")));
        }
        account.calendars().forEach(option -> options.add(new SelectItem(option.id(),
                option.id().equals(account.usualCalendarId()) ? Texts.get("mySessionCalendars.usual", option.name())
                        : option.name())));
        return options;
    }

    /** Where the session goes now in the account, in a sentence; {@code whose} is empty for the reader's own. */
    public static String whereItGoes(SessionCalendarView after, String whose) {
        String calendar = after.calendars().stream().filter(option -> option.id().equals(after.calendarId()))
                .findFirst().map(SessionCalendarView.Option::name).orElse("");
        if (whose == null) {
            return Texts.get(after.chosenForTheSession() ? "mySessionCalendars.movedThere"
                    : "mySessionCalendars.backToUsual", calendar);
        }
        return Texts.get(after.chosenForTheSession() ? "sessionCalendars.movedThere" : "sessionCalendars.backToUsual",
                calendar, whose);
    }
}
