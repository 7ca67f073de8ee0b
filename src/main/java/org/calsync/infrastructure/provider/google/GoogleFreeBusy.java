package org.calsync.infrastructure.provider.google;

import static org.calsync.infrastructure.provider.google.GoogleErrors.RULES;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.TimeWindow;

/** Busy times from freeBusy.query, for the organisation's people whether or not they linked a calendar. */
final class GoogleFreeBusy {

    /** freeBusy.query answers for at most 50 calendars at once. */
    private static final int FREE_BUSY_CHUNK = 50;

    private final GoogleCalls google;

    GoogleFreeBusy(GoogleCalls google) {
        this.google = google;
    }

    Map<String, List<BusyInterval>> freeBusy(List<String> emails, TimeWindow window) {
        Map<String, List<BusyInterval>> busy = new HashMap<>();
        for (int from = 0; from < emails.size(); from += FREE_BUSY_CHUNK) {
            List<String> chunk = emails.subList(from, Math.min(emails.size(), from + FREE_BUSY_CHUNK));
            JsonArrayBuilder items = Json.createArrayBuilder();
            chunk.forEach(email -> items.add(Json.createObjectBuilder().add("id", email)));
            String body = Json.createObjectBuilder().add("timeMin", window.from().toString())
                    .add("timeMax", window.to().toString()).add("items", items).build().toString();
            JsonObject answer = RULES.succeeded(google.send("POST", google.uri("freeBusy", Map.of()), body,
                    null), "read free/busy").json();
            JsonObject calendars = answer.getJsonObject("calendars");
            for (String email : chunk) {
                JsonObject calendar = calendars == null ? null : calendars.getJsonObject(email);
                // A calendar with errors (notFound, noAccess) is someone Google cannot answer for: left out.
                if (calendar != null && (calendar.getJsonArray("errors") == null || calendar.getJsonArray("errors").isEmpty())) {
                    busy.put(email, calendar.getJsonArray("busy") == null ? List.of()
                            : calendar.getJsonArray("busy").stream().map(JsonValue::asJsonObject)
                                    .map(b -> new BusyInterval(Instant.parse(b.getString("start")),
                                            Instant.parse(b.getString("end")), false)).toList());
                }
            }
        }
        return busy;
    }
}
