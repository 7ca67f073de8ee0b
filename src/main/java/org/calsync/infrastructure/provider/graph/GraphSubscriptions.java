package org.calsync.infrastructure.provider.graph;

import static org.calsync.infrastructure.provider.graph.GraphErrors.RULES;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.domain.model.calendar.WatchGrant;
import org.calsync.domain.model.calendar.WatchRequest;
import org.calsync.infrastructure.provider.rest.Addresses;
import org.calsync.infrastructure.provider.rest.JsonAnswer;

/** Graph's subscriptions to a calendar's events: made, renewed before they lapse, and ended. */
final class GraphSubscriptions {

    /** The longest a subscription to Outlook events may run; it must be renewed before then. */
    static final Duration LONGEST_SUBSCRIPTION = Duration.ofMinutes(4230);

    private final GraphCalls graph;

    GraphSubscriptions(GraphCalls graph) {
        this.graph = graph;
    }

    /**
     * A subscription to the calendar's events. Graph first calls the address with a validation token, which
     * CalSync must echo within ten seconds, so this only succeeds when Graph can reach CalSync. Lifecycle
     * notifications (a subscription removed, notifications missed) go to the same address.
     */
    WatchGrant watch(String calendarId, WatchRequest request) {
        String body = Json.createObjectBuilder().add("changeType", "created,updated,deleted")
                .add("notificationUrl", request.address()).add("lifecycleNotificationUrl", request.address())
                .add("resource", resource(calendarId))
                .add("expirationDateTime", subscriptionEnd(request.until()))
                .add("clientState", request.secret()).build().toString();
        JsonObject created = RULES.succeeded(graph.send("POST", graph.uri("subscriptions", Map.of()), body, Map.of()),
                "subscribe to changes").json();
        return new WatchGrant(created.getString("id"), null, expiry(created));
    }

    /** Extends the subscription; one Graph no longer knows (removed, or expired meanwhile) is made anew. */
    WatchGrant renew(String calendarId, WatchGrant current, WatchRequest request) {
        String body = Json.createObjectBuilder().add("expirationDateTime", subscriptionEnd(request.until())).build()
                .toString();
        JsonAnswer answer = graph.send("PATCH", subscription(current), body, Map.of());
        if (answer.status() == 404) {
            return watch(calendarId, request);
        }
        return new WatchGrant(current.remoteId(), null, expiry(RULES.succeeded(answer, "renew a subscription").json()));
    }

    void unwatch(WatchGrant watch) {
        JsonAnswer answer = graph.send("DELETE", subscription(watch), null, Map.of());
        if (answer.status() != 404) {
            RULES.succeeded(answer, "end a subscription");
        }
    }

    /** What the subscription watches: a resource path, written as Graph's reference writes it (not URL-encoded). */
    private String resource(String calendarId) {
        String actAs = graph.connection().actAs();
        return (actAs == null ? "me" : "users/" + actAs) + "/calendars/" + calendarId + "/events";
    }

    private URI subscription(WatchGrant watch) {
        return graph.uri("subscriptions/" + Addresses.encode(watch.remoteId()), Map.of());
    }

    /** What was asked for, but never beyond what Graph allows (with a minute to spare for clock skew). */
    private static String subscriptionEnd(Instant until) {
        Instant longest = Instant.now().plus(LONGEST_SUBSCRIPTION).minus(Duration.ofMinutes(1));
        return (until.isAfter(longest) ? longest : until).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Instant expiry(JsonObject subscription) {
        return OffsetDateTime.parse(subscription.getString("expirationDateTime")).toInstant();
    }
}
