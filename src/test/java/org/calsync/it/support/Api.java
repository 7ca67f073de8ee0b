package org.calsync.it.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

/** A REST client for /api/v1 as the host platform of one tenant sees it. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String key;

    public Api(URL deploymentUrl, String key) {
        this.base = URI.create(deploymentUrl.toString()).resolve("/api/v1/");
        this.key = key;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** Creates an instructor in the key's tenant and returns their id. */
    public String createInstructor(String email, String name, String timeZone) {
        Reply created = post("people", """
                {"email":"%s","displayName":"%s","timeZone":"%s","roles":["Instructor"]}"""
                .formatted(email, name, timeZone));
        if (created.status() != 201) {
            throw new AssertionError("Person not created: " + created.body());
        }
        return created.object().getString("id");
    }

    /**
     * Publishes the person's self-booking availability as the same hours every day of the week, in Europe/London;
     * the answer, which is 200 when published.
     */
    public Reply publishEveryDay(String personId, String start, String end) {
        String hours = Stream.of(DayOfWeek.values()).map(day -> """
                {"day":"%s","start":"%s","end":"%s"}""".formatted(day, start, end)).collect(Collectors.joining(","));
        return put("people/" + personId + "/availability", "{\"zone\":\"Europe/London\",\"weeklyHours\":[" + hours + "]}");
    }

    /**
     * Points the key's tenant at an EWS address, acting for every mailbox through the simulators' service account
     * (svc-calsync), with changes streamed or not; the answer, which is 200 when saved.
     */
    public Reply useExchangeServiceAccount(URI ews, boolean streamChanges) {
        return useExchangeServiceAccount(ews, streamChanges, "EXCHANGE_2016");
    }

    /** As above, on a server set up as this release (an ExchangeServerVersion name). */
    public Reply useExchangeServiceAccount(URI ews, boolean streamChanges, String release) {
        return put("exchange-settings", """
                {"ewsUrl":"%s","serverVersion":"%s","authMode":"SERVICE_ACCOUNT_IMPERSONATION",
                 "authScheme":"NTLM","serviceUsername":"NORTHWIND\\\\svc-calsync","servicePassword":"svc-secret",
                 "streamChanges":%s}""".formatted(ews, release, streamChanges));
    }

    /** The starts of the person's busy times between two instants, in order. */
    public List<Instant> busyStarts(String personId, Instant from, Instant to) {
        Reply reply = get("people/" + personId + "/busy?from=" + from + "&to=" + to);
        if (reply.status() != 200) {
            throw new AssertionError("Busy times not read: " + reply.body());
        }
        return reply.array().stream().map(v -> Instant.parse(v.asJsonObject().getString("start"))).sorted().toList();
    }

    /** The id of the person with this email in the key's tenant. */
    public String personId(String email) {
        return get("people").array().stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("email").equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError("No person " + email)).getString("id");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        return key == null ? builder : builder.header("X-API-Key", key);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer, with its body readable as JSON. */
    public record Reply(int status, String contentType, String body) {

        public JsonObject object() {
            return (JsonObject) json();
        }

        public JsonArray array() {
            return (JsonArray) json();
        }

        private JsonStructure json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
