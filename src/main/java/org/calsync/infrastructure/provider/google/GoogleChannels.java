package org.calsync.infrastructure.provider.google;

import static org.calsync.infrastructure.provider.google.GoogleErrors.RULES;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.domain.model.calendar.WatchGrant;
import org.calsync.domain.model.calendar.WatchRequest;
import org.calsync.infrastructure.provider.rest.JsonAnswer;

/** Notification channels on a calendar's events: opened, and stopped. */
final class GoogleChannels {

    private final GoogleCalls google;

    GoogleChannels(GoogleCalls google) {
        this.google = google;
    }

    /**
     * A notification channel on the calendar's events. Google cannot extend a channel, so renewing opens a
     * new one (the port's default) under a new channel id, and stops the old.
     */
    WatchGrant watch(String calendarId, WatchRequest request) {
        long ttl = Math.max(60, Duration.between(Instant.now(), request.until()).toSeconds());
        String body = Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("type", "web_hook")
                .add("address", request.address()).add("token", request.secret())
                .add("params", Json.createObjectBuilder().add("ttl", String.valueOf(ttl))).build().toString();
        URI watch = google.uri(GoogleCalls.events(calendarId) + "/watch", Map.of());
        JsonObject channel = RULES.succeeded(google.send("POST", watch, body, null), "watch a calendar").json();
        // The expiration is milliseconds since the epoch, as a string; without one the channel lives as asked.
        String expiration = channel.getString("expiration", null);
        return new WatchGrant(channel.getString("id"), channel.getString("resourceId"),
                expiration == null ? request.until() : Instant.ofEpochMilli(Long.parseLong(expiration)));
    }

    void unwatch(WatchGrant watch) {
        String body = Json.createObjectBuilder().add("id", watch.remoteId())
                .add("resourceId", String.valueOf(watch.resourceId())).build().toString();
        JsonAnswer answer = google.send("POST", google.uri("channels/stop", Map.of()), body, null);
        if (answer.status() != 404) {
            RULES.succeeded(answer, "stop watching a calendar");
        }
    }
}
