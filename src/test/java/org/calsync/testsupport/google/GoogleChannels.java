package org.calsync.testsupport.google;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.testsupport.CallbackSender;

/**
 * Google's push notifications for a calendar's events, from the Calendar API's push guide: events.watch opens
 * a channel under the caller's channel id (unique, at most 64 characters) with a token of at most 256; Google
 * answers with the resource id and the expiration in epoch milliseconds, and first calls with the resource
 * state {@code sync}; each later change is an {@code exists} call with a growing message number, headers only;
 * channels.stop needs the channel id and resource id; channels cannot be renewed.
 */
public final class GoogleChannels {

    private static final Pattern CHANNEL_ID = Pattern.compile("[A-Za-z0-9\\-_+/=]{1,64}");
    private static final long DEFAULT_TTL_SECONDS = 604_800;

    private final Map<String, Channel> open = new ConcurrentHashMap<>();
    private final CallbackSender sender = new CallbackSender();

    /** A channel as Google keeps it. */
    public record Channel(String id, String resourceId, SimulatedCalendar calendar, URI address, String token,
            Instant expiration, AtomicLong messages) {
    }

    GoogleChannels() {
    }

    /**
     * POST calendars/{id}/events/watch.
     *
     * @throws IllegalArgumentException what Google answers with 400, its message
     */
    JsonObject watch(JsonObject body, SimulatedCalendar calendar, String resourceUri) {
        String id = body == null ? null : body.getString("id", null);
        if (id == null || !CHANNEL_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid channel id.");
        }
        if (open.containsKey(id)) {
            throw new IllegalArgumentException("Channel id " + id + " not unique");
        }
        String type = body.getString("type", "");
        if (!type.equals("web_hook") && !type.equals("webhook")) {
            throw new IllegalArgumentException("Invalid value for: type");
        }
        String token = body.getString("token", null);
        if (token != null && token.length() > 256) {
            throw new IllegalArgumentException("Channel token too long.");
        }
        URI address = URI.create(body.getString("address", ""));
        if (!CallbackSender.callable(address)) {
            throw new IllegalArgumentException("WebHook callback must be HTTPS: " + address);
        }
        long ttl = body.containsKey("params") && body.getJsonObject("params").containsKey("ttl")
                ? Long.parseLong(body.getJsonObject("params").getString("ttl")) : DEFAULT_TTL_SECONDS;
        Channel channel = new Channel(id, "res-" + Integer.toHexString(calendar.id.hashCode()), calendar, address, token,
                Instant.now().plusSeconds(ttl), new AtomicLong());
        open.put(id, channel);
        calendar.changeListener = () -> changed(calendar);
        call(channel, "sync", resourceUri);
        return Json.createObjectBuilder().add("kind", "api#channel").add("id", id).add("resourceId", channel.resourceId())
                .add("resourceUri", resourceUri).add("expiration", String.valueOf(channel.expiration().toEpochMilli()))
                .build();
    }

    /** POST channels/stop. */
    void stop(JsonObject body) {
        Channel channel = body == null ? null : open.get(body.getString("id", ""));
        if (channel == null || !channel.resourceId().equals(body.getString("resourceId", ""))) {
            throw new NoSuchElementException("Channel not found for project.");
        }
        open.remove(channel.id());
    }

    /** Open channels that have not expired. */
    public List<Channel> open() {
        Instant now = Instant.now();
        open.values().removeIf(c -> !c.expiration().isAfter(now));
        return List.copyOf(open.values());
    }

    public List<CallbackSender.Delivery> deliveries() {
        return sender.deliveries();
    }

    void stopSending() {
        sender.stop();
    }

    private void changed(SimulatedCalendar calendar) {
        for (Channel channel : open()) {
            if (channel.calendar() == calendar) {
                call(channel, "exists", null);
            }
        }
    }

    private void call(Channel channel, String state, String resourceUri) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Goog-Channel-ID", channel.id());
        headers.put("X-Goog-Channel-Expiration", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                channel.expiration().atOffset(ZoneOffset.UTC)));
        headers.put("X-Goog-Resource-ID", channel.resourceId());
        headers.put("X-Goog-Resource-State", state);
        headers.put("X-Goog-Message-Number", String.valueOf(channel.messages().incrementAndGet()));
        if (resourceUri != null) {
            headers.put("X-Goog-Resource-URI", resourceUri);
        }
        if (channel.token() != null) {
            headers.put("X-Goog-Channel-Token", channel.token());
        }
        sender.callSoon(channel.id(), state, channel.address(), headers, "");
    }
}
