package org.calsync.testsupport.graph;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.calsync.testsupport.CallbackSender;

/**
 * Graph's change notifications for calendar events, from the subscription reference: creating a subscription
 * first validates the notification (and lifecycle) address with a validation token that must come back as
 * plain text within ten seconds; expirations are limited to 4230 minutes for Outlook resources; PATCH extends
 * and DELETE ends a subscription; each change to a watched calendar is posted with the subscription's
 * clientState; an expired subscription is gone (404) and calls nobody.
 */
public final class GraphSubscriptions {

    static final Duration LONGEST = Duration.ofMinutes(4230);
    static final String TENANT = "84bd8158-6d4d-4958-8b9f-9d6445542f95";
    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");

    GraphSubscriptions() {
    }

    private final Map<String, Subscription> live = new ConcurrentHashMap<>();
    private final CallbackSender sender = new CallbackSender();

    /** A subscription as Graph keeps it. */
    public record Subscription(String id, GraphCalendarStore calendar, String resource, Set<String> changeTypes,
            URI notificationUrl, URI lifecycleUrl, String clientState, Instant expiration) {

        Subscription extendedTo(Instant newExpiration) {
            return new Subscription(id, calendar, resource, changeTypes, notificationUrl, lifecycleUrl, clientState,
                    newExpiration);
        }
    }

    /**
     * POST /subscriptions.
     *
     * @throws IllegalArgumentException what Graph answers with 400, its message
     */
    JsonObject create(JsonObject body, GraphCalendarStore calendar) {
        Set<String> changeTypes = Set.of(body.getString("changeType", "").split(","));
        if (!CHANGE_TYPES.containsAll(changeTypes)) {
            throw new IllegalArgumentException("changeType must list created, updated or deleted.");
        }
        String clientState = body.getString("clientState", null);
        if (clientState != null && clientState.length() > 128) {
            throw new IllegalArgumentException("clientState must not exceed 128 characters.");
        }
        Instant expiration = expiration(body);
        URI notify = address(body.getString("notificationUrl", null), "notificationUrl");
        URI lifecycle = body.containsKey("lifecycleNotificationUrl")
                ? address(body.getString("lifecycleNotificationUrl"), "lifecycleNotificationUrl") : null;
        validate(notify);
        if (lifecycle != null && !lifecycle.equals(notify)) {
            validate(lifecycle);
        }
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), calendar, body.getString("resource"),
                changeTypes, notify, lifecycle, clientState, expiration);
        live.put(subscription.id(), subscription);
        calendar.changeListener = (eventId, changeType) -> changed(calendar, eventId, changeType);
        return render(subscription);
    }

    /** PATCH /subscriptions/{id}: only the expiration changes. */
    JsonObject extend(String id, JsonObject body) {
        Subscription current = find(id);
        Subscription extended = current.extendedTo(expiration(body));
        live.put(id, extended);
        return render(extended);
    }

    /** DELETE /subscriptions/{id}. */
    void delete(String id) {
        find(id);
        live.remove(id);
    }

    /** The live subscriptions, oldest expiry first. */
    public List<Subscription> all() {
        Instant now = Instant.now();
        live.values().removeIf(s -> !s.expiration().isAfter(now));
        return live.values().stream().sorted((a, b) -> a.expiration().compareTo(b.expiration())).toList();
    }

    /** Graph removes a subscription on its own and says so on the lifecycle address. */
    public void removeAndTell(String id) {
        Subscription removed = live.remove(id);
        if (removed != null && removed.lifecycleUrl() != null) {
            sender.callSoon(id, "subscriptionRemoved", removed.lifecycleUrl(), json(), lifecycle(removed,
                    "subscriptionRemoved"));
        }
    }

    public void tellLifecycle(String id, String event) {
        Subscription subscription = find(id);
        sender.callSoon(id, event, subscription.lifecycleUrl(), json(), lifecycle(subscription, event));
    }

    public List<CallbackSender.Delivery> deliveries() {
        return sender.deliveries();
    }

    void stop() {
        sender.stop();
    }

    private Subscription find(String id) {
        Subscription subscription = live.get(id);
        if (subscription == null || !subscription.expiration().isAfter(Instant.now())) {
            live.remove(id);
            throw new NoSuchElementException("The object was not found.");
        }
        return subscription;
    }

    private void changed(GraphCalendarStore calendar, String eventId, String changeType) {
        for (Subscription subscription : all()) {
            if (subscription.calendar() == calendar && subscription.changeTypes().contains(changeType)) {
                String resource = "Users/" + TENANT + "/Events/" + eventId;
                JsonObject item = Json.createObjectBuilder().add("subscriptionId", subscription.id())
                        .add("subscriptionExpirationDateTime", subscription.expiration().toString())
                        .add("changeType", changeType).add("resource", resource)
                        .add("resourceData", Json.createObjectBuilder().add("@odata.type", "#Microsoft.Graph.Event")
                                .add("@odata.id", resource).add("id", eventId))
                        .add("clientState", subscription.clientState() == null ? "" : subscription.clientState())
                        .add("tenantId", TENANT).build();
                sender.callSoon(subscription.id(), changeType, subscription.notificationUrl(), json(),
                        Json.createObjectBuilder().add("value", Json.createArrayBuilder().add(item)).build().toString());
            }
        }
    }

    private static String lifecycle(Subscription subscription, String event) {
        JsonObjectBuilder item = Json.createObjectBuilder().add("subscriptionId", subscription.id())
                .add("subscriptionExpirationDateTime", subscription.expiration().toString())
                .add("tenantId", TENANT).add("clientState", subscription.clientState() == null ? "" : subscription.clientState())
                .add("lifecycleEvent", event);
        return Json.createObjectBuilder().add("value", Json.createArrayBuilder().add(item)).build().toString();
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json; charset=utf-8");
    }

    private static Instant expiration(JsonObject body) {
        String value = body == null ? null : body.getString("expirationDateTime", null);
        if (value == null) {
            throw new IllegalArgumentException("expirationDateTime is required.");
        }
        Instant expiration = OffsetDateTime.parse(value).toInstant();
        Instant now = Instant.now();
        if (!expiration.isAfter(now) || expiration.isAfter(now.plus(LONGEST))) {
            throw new IllegalArgumentException("Subscription expiration can only be 4230 minutes in the future.");
        }
        return expiration;
    }

    private static URI address(String value, String member) {
        URI uri = value == null ? null : URI.create(value);
        if (uri == null || !CallbackSender.callable(uri)) {
            throw new IllegalArgumentException("Subscription validation request failed. " + member + " must be https.");
        }
        return uri;
    }

    /** The handshake: the token must come back, as plain text, with 200, within ten seconds. */
    private void validate(URI address) {
        String token = "Validation: Testing client application reachability for subscription Request-Id: "
                + UUID.randomUUID();
        String separator = address.getRawQuery() == null ? "?" : "&";
        try {
            HttpResponse<String> answer = sender.callNow(URI.create(address + separator + "validationToken="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8)), Map.of("Content-Type", "text/plain; charset=utf-8"),
                    "", Duration.ofSeconds(10));
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (answer.statusCode() != 200 || !token.equals(answer.body()) || !type.startsWith("text/plain")) {
                throw new IllegalArgumentException("Subscription validation request failed. Notification endpoint must "
                        + "respond with 200 OK to validation request (got " + answer.statusCode() + ").");
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Subscription validation request failed. " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("Subscription validation request interrupted.");
        }
    }

    private static JsonObject render(Subscription subscription) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("@odata.context", GraphSimulator.PUBLIC_BASE + "$metadata#subscriptions/$entity")
                .add("id", subscription.id()).add("resource", subscription.resource())
                .add("applicationId", "24d3b144-21ae-4080-943f-7067b395b913")
                .add("changeType", String.join(",", subscription.changeTypes()))
                .add("clientState", subscription.clientState() == null ? "" : subscription.clientState())
                .add("notificationUrl", subscription.notificationUrl().toString())
                .add("expirationDateTime", subscription.expiration().toString())
                .add("latestSupportedTlsVersion", "v1_2");
        if (subscription.lifecycleUrl() != null) {
            body.add("lifecycleNotificationUrl", subscription.lifecycleUrl().toString());
        }
        return body.build();
    }
}
