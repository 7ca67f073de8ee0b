package org.calsync.infrastructure.provider.rest;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;

/**
 * A REST call's answer: its status, the ETag, Retry-After and Content-Type headers, and the body.
 *
 * @param service the provider's name, for messages ("Google Calendar")
 */
public record JsonAnswer(String service, int status, String etag, String retryAfter, String contentType, String body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON object; empty when there is none; never guessed at when it is not JSON. */
    public JsonObject json() {
        if (body == null || body.isBlank()) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProviderUnavailableException(FailureKind.UNREADABLE,
                    service + " sent an unreadable answer (HTTP " + status + ")", null, e);
        }
    }

    /** The error's message (or code) from the body, for messages; an unreadable body never hides the status. */
    public String errorDetail() {
        try {
            JsonObject error = json().getJsonObject("error");
            return error == null ? "no detail" : error.getString("message", error.getString("code", "no detail"));
        } catch (ProviderUnavailableException | ClassCastException unreadable) {
            return "no readable detail";
        }
    }
}
