package org.calsync.infrastructure.provider.google;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.infrastructure.provider.rest.Addresses;
import org.calsync.infrastructure.provider.rest.JsonAnswer;
import org.calsync.infrastructure.provider.rest.RetryingJsonClient;

/**
 * One operation's calls to the Calendar API for one connection: its base address and token, retried by
 * Google's error rules, and counted.
 */
final class GoogleCalls {

    private final ProviderConnection connection;
    private final RetryingJsonClient http;

    GoogleCalls(ProviderConnection connection, RetryingJsonClient http) {
        this.connection = connection;
        this.http = http;
    }

    ProviderConnection connection() {
        return connection;
    }

    RetryingJsonClient http() {
        return http;
    }

    int requests() {
        return http.requests();
    }

    JsonAnswer send(String method, URI uri, String body, String ifMatch) {
        return http.send(connection.secret(), method, uri, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    URI uri(String path, Map<String, String> query) {
        return Addresses.under(connection.server(), path, query);
    }

    /** The path of a calendar's events collection. */
    static String events(String calendarId) {
        return "calendars/" + Addresses.encode(calendarId) + "/events";
    }

    /** A page's items; Google leaves the member out when there are none. */
    static List<JsonValue> items(JsonObject page) {
        return page.containsKey("items") ? page.getJsonArray("items") : List.of();
    }
}
