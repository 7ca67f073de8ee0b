package org.calsync.infrastructure.provider.graph;

import static org.calsync.infrastructure.provider.graph.GraphErrors.RULES;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.infrastructure.provider.ical.ExchangeGlobalObjectId;
import org.calsync.infrastructure.provider.rest.Addresses;
import org.calsync.infrastructure.provider.rest.JsonAnswer;
import org.calsync.infrastructure.provider.rest.RetryingJsonClient;
import org.calsync.infrastructure.provider.rest.ThrottlePauses;

/**
 * The calls of one operation on one mailbox: addresses built from the connection, and the headers every
 * Graph call of CalSync carries (times in the owner's zone, immutable ids).
 */
final class GraphCalls {

    private final ProviderConnection connection;
    private final RetryingJsonClient http;
    private final String base;

    GraphCalls(ProviderConnection connection, RetryingJsonClient http) {
        this.connection = connection;
        this.http = http;
        this.base = Addresses.base(connection.server());
    }

    ProviderConnection connection() {
        return connection;
    }

    int requests() {
        return http.requests();
    }

    /** Who is told of the waits Graph imposes, batches' included. */
    ThrottlePauses pauses() {
        return http.pauses();
    }

    /** {@code me}, or the mailbox the organisation's grant acts for. */
    String user() {
        return connection.actAs() == null ? "me" : "users/" + Addresses.encode(connection.actAs());
    }

    URI uri(String path, Map<String, String> query) {
        return Addresses.under(connection.server(), path, query);
    }

    /** The path of one of the mailbox's calendars, under Graph's version root. */
    String calendarPath(String calendarId) {
        return user() + "/calendars/" + Addresses.encode(calendarId);
    }

    String eventPath(String eventId) {
        return user() + "/events/" + Addresses.encode(eventId);
    }

    URI eventUri(String eventId) {
        return uri(eventPath(eventId), Map.of());
    }

    /** A link Graph handed out (next page, delta), if it points into the same API: the token goes nowhere else. */
    URI followable(String link) {
        return link != null && link.startsWith(base) ? URI.create(link) : null;
    }

    JsonAnswer get(URI uri, String extraPreference) {
        return http.send(connection.secret(), "GET", uri, null, headers(Map.of(), extraPreference));
    }

    JsonAnswer send(String method, URI uri, String jsonBody, Map<String, String> headers) {
        return http.send(connection.secret(), method, uri, jsonBody, headers(headers, null));
    }

    /** The headers every call carries, with the given ones. */
    Map<String, String> headers(Map<String, String> given, String extraPreference) {
        Map<String, String> headers = new HashMap<>(given);
        String preferences = "outlook.timezone=\"" + GraphTimeZones.nameOf(connection.ownerZone())
                + "\", IdType=\"ImmutableId\"";
        headers.put("Prefer", extraPreference == null ? preferences : preferences + ", " + extraPreference);
        return headers;
    }

    /** Every item of a collection, following its next links. */
    List<JsonObject> everyPage(URI first, String what) {
        List<JsonObject> items = new ArrayList<>();
        URI next = first;
        while (next != null) {
            JsonObject page = RULES.succeeded(get(next, null), what).json();
            items.addAll(objects(page));
            next = followable(page.getString("@odata.nextLink", null));
        }
        return items;
    }

    /** The event CalSync wrote with this UID, found by its extended property; null when there is none. */
    JsonObject findOurs(String calendarId, String uid) {
        List<JsonObject> found = objects(RULES.succeeded(get(uri(calendarPath(calendarId) + "/events",
                ourEventQuery(uid)), null), "find an event").json());
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The copy Exchange made of the person's emailed invitation with this UID, found by {@code iCalUId}, which
     * Graph gives as the meeting's global object id in hex; null when there is none.
     */
    JsonObject findInvitationCopy(String calendarId, String uid) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("$filter", "iCalUId eq '" + ExchangeGlobalObjectId.hexOf(uid) + "'");
        query.put("$select", "id");
        List<JsonObject> found = objects(RULES.succeeded(get(uri(calendarPath(calendarId) + "/events", query), null),
                "find an invitation").json());
        return found.isEmpty() ? null : found.get(0);
    }

    /** The query that finds CalSync's event by its UID property, asking for its id (and etag) only. */
    static Map<String, String> ourEventQuery(String uid) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("$filter", "singleValueExtendedProperties/Any(ep: ep/id eq '" + GraphEvents.UID_PROPERTY
                + "' and ep/value eq '" + uid.replace("'", "''") + "')");
        query.put("$select", "id");
        return query;
    }

    /** A collection page's items that are objects. */
    static List<JsonObject> objects(JsonObject page) {
        return values(page).stream().filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject).toList();
    }

    /** A collection page's items; none when the member is missing. */
    static List<JsonValue> values(JsonObject page) {
        return page.containsKey("value") ? page.getJsonArray("value") : List.of();
    }
}
