package org.calsync.testsupport;

import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** What the REST simulators read from a request: its JSON body and its query, decoded. */
public final class JsonRequests {

    private JsonRequests() {
    }

    /** The body as a JSON object, or null when it is not one (the simulators then answer 400). */
    public static JsonObject parse(String body) {
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        return query;
    }

    public static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
