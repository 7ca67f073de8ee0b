package org.calsync.infrastructure.provider.google;

import static org.calsync.infrastructure.provider.google.GoogleErrors.RULES;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.RemoteCalendar;

/** The calendars on the person's calendar list, and whether each can be written. */
final class GoogleCalendarList {

    private final GoogleCalls google;

    GoogleCalendarList(GoogleCalls google) {
        this.google = google;
    }

    List<RemoteCalendar> calendars() {
        List<RemoteCalendar> calendars = new ArrayList<>();
        String pageToken = null;
        do {
            JsonObject page = RULES.succeeded(google.send("GET", google.uri("users/me/calendarList",
                    pageToken == null ? Map.of() : Map.of("pageToken", pageToken)), null, null), "list calendars").json();
            for (JsonValue value : GoogleCalls.items(page)) {
                JsonObject item = value.asJsonObject();
                String role = item.getString("accessRole", "reader");
                boolean writable = "owner".equals(role) || "writer".equals(role);
                // Calendars that only show free/busy cannot be read event by event.
                if (!"freeBusyReader".equals(role)) {
                    calendars.add(new RemoteCalendar(item.getString("id"), item.getString("summaryOverride",
                            item.getString("summary", item.getString("id"))), writable, true));
                }
            }
            pageToken = page.getString("nextPageToken", null);
        } while (pageToken != null);
        return calendars;
    }
}
