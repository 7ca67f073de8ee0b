package org.calsync.infrastructure.provider.google;

import static org.calsync.infrastructure.provider.google.GoogleErrors.RULES;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.infrastructure.provider.rest.ChangeCollector;
import org.calsync.infrastructure.provider.rest.JsonAnswer;

/**
 * Reads a calendar's changes with sync tokens: a 410 means a full read of the window. Recurring series come
 * expanded (singleEvents), so a moved or cancelled occurrence is an event of its own.
 */
final class GoogleSyncReader {

    private static final int PAGE_SIZE = 250;

    private final GoogleCalls google;

    GoogleSyncReader(GoogleCalls google) {
        this.google = google;
    }

    ChangeBatch changesSince(String calendarId, SyncCursor cursor, TimeWindow window) {
        if (!cursor.isNone()) {
            ChangeBatch incremental = read(calendarId, Map.of("syncToken", cursor.value()), window, false);
            if (incremental != null) {
                return incremental;
            }
        }
        // The first read, or the token expired (410): everything in the window.
        return read(calendarId, Map.of("timeMin", window.from().toString(),
                "timeMax", window.to().toString()), window, true);
    }

    /** Reads every page; null when Google says the sync token is gone (410). */
    private ChangeBatch read(String calendarId, Map<String, String> query, TimeWindow window, boolean fullRead) {
        ChangeCollector items = new ChangeCollector(RULES.service());
        String pageToken = null;
        String nextSyncToken = null;
        do {
            Map<String, String> parameters = new LinkedHashMap<>(query);
            parameters.put("singleEvents", "true");
            parameters.put("maxResults", String.valueOf(PAGE_SIZE));
            if (fullRead) {
                parameters.put("showDeleted", "false");
            }
            if (pageToken != null) {
                parameters.put("pageToken", pageToken);
            }
            JsonAnswer answer = google.send("GET",
                    google.uri(GoogleCalls.events(calendarId), parameters), null, null);
            if (answer.status() == 410 && !fullRead) {
                return null;
            }
            JsonObject page = RULES.succeeded(answer, "read events").json();
            for (JsonValue value : GoogleCalls.items(page)) {
                items.add(value, item -> "cancelled".equals(item.getString("status", "confirmed")),
                        item -> GoogleEvents.fromJson(item, google.connection().ownerZone(), window));
            }
            pageToken = page.getString("nextPageToken", null);
            nextSyncToken = page.getString("nextSyncToken", nextSyncToken);
        } while (pageToken != null);
        return items.batch(new SyncCursor(nextSyncToken), fullRead, google.requests());
    }
}
