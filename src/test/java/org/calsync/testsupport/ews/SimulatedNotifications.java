package org.calsync.testsupport.ews;

import static org.calsync.testsupport.ews.EwsXml.child;
import static org.calsync.testsupport.ews.EwsXml.escape;
import static org.calsync.testsupport.ews.EwsXml.instant;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import org.w3c.dom.Element;

/**
 * Exchange's notifications, as the simulator serves them: {@code Subscribe} on the calendar folder, streaming or
 * pull, and {@code Unsubscribe}.
 * <ul>
 * <li>A streaming subscription is heard through {@code GetStreamingEvents}, answered as one chunked HTTP response
 * holding an envelope per notification or heartbeat. It keeps its place in the mailbox's change log while no
 * connection is open, so that a client reconnecting in time misses nothing, as on Exchange.</li>
 * <li>A pull subscription is asked with {@code GetEvents} and the watermark of the last event handed over (or
 * Subscribe's); it answers the events after that watermark, at most {@link #EVENTS_PER_GET} at a time with
 * {@code MoreEvents}, or a {@code StatusEvent} when there are none. Nobody asking within its timeout ends it
 * ({@code ErrorExpiredSubscription}); a watermark it did not hand out is {@code ErrorInvalidWatermark}.</li>
 * </ul>
 * Every envelope is validated against the schemas before it is sent.
 * <p>
 * Like Exchange 2013 and later, the answer to {@code Subscribe} sets the {@code X-BackEndOverrideCookie} of the
 * mailbox server that holds the subscription. With {@link EwsSimulator#requireAffinity()}, an impersonating Subscribe without
 * {@code X-AnchorMailbox} and {@code X-PreferServerAffinity}, or a GetStreamingEvents that does not bring back the
 * cookie of every subscription it names, is refused as Exchange refuses a call proxied to the wrong server.
 */
final class SimulatedNotifications {

    static final String AFFINITY_COOKIE = "X-BackEndOverrideCookie";
    static final Set<String> OPERATIONS = Set.of("Subscribe", "GetStreamingEvents", "GetEvents", "Unsubscribe");
    /** How many events one GetEvents hands over; the rest wait for the next, which MoreEvents asks for. */
    static final int EVENTS_PER_GET = 50;
    private static final int BACKENDS = 3;

    private final EwsSimulator simulator;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Open connections, each with the subscriptions it carries. */
    private final Map<HttpExchange, List<String>> open = new ConcurrentHashMap<>();
    private final AtomicInteger connectionsServed = new AtomicInteger();
    volatile Duration heartbeat = Duration.ofSeconds(5);
    /** Bumped at every change in any mailbox, so that open connections send it at once rather than on their next look. */
    private final Object signal = new Object();
    private long changes;
    /** Shorter than the client's ConnectionTimeout, for tests of renewal; null follows the client. */
    volatile Duration lifetime;
    volatile boolean affinityRequired;
    /** Connections open when notifications were lost: each says so (ErrorMissedNotificationEvents) and ends. */
    private final Set<HttpExchange> missing = ConcurrentHashMap.newKeySet();

    SimulatedNotifications(EwsSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * One subscription: whose calendar, where in its change log it stands, and the back end that holds it; a pull
     * subscription also has its timeout and when it was last asked.
     */
    private static final class Subscription {
        final String id = Base64Id.next();
        final SimulatedMailbox mailbox;
        final String backend;
        volatile int position;
        final Duration pullTimeout;
        volatile Instant askedAt = Instant.now();

        Subscription(SimulatedMailbox mailbox, String backend, Duration pullTimeout) {
            this.mailbox = mailbox;
            this.backend = backend;
            this.position = mailbox.logSize();
            this.pullTimeout = pullTimeout;
        }

        boolean pulled() {
            return pullTimeout != null;
        }

        /** A watermark names the subscription and a place in its mailbox's change log, opaquely, as Exchange's do. */
        String watermark(int place) {
            return java.util.Base64.getEncoder().encodeToString((id + "#" + place).getBytes(StandardCharsets.UTF_8));
        }

        /** The place a watermark this subscription handed out stands for, or -1. */
        int placeOf(String watermark) {
            try {
                String[] parts = new String(java.util.Base64.getDecoder().decode(watermark), StandardCharsets.UTF_8)
                        .split("#", 2);
                return parts.length == 2 && parts[0].equals(id) ? Integer.parseInt(parts[1]) : -1;
            } catch (IllegalArgumentException notOurs) {
                return -1;
            }
        }
    }

    /** Subscription ids look like Exchange's: opaque base64. */
    private static final class Base64Id {
        static String next() {
            return java.util.Base64.getEncoder().encodeToString(("sim-sub:" + UUID.randomUUID())
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    int subscriptions() {
        return subscriptions.size();
    }

    int openConnections() {
        return open.size();
    }

    int connectionsServed() {
        return connectionsServed.get();
    }

    /** A mailbox changed: every open connection looks at once. */
    void changed() {
        synchronized (signal) {
            changes++;
            signal.notifyAll();
        }
    }

    /** Which mailboxes have a live subscription, one entry per subscription. */
    List<String> subscribedMailboxes() {
        return subscriptions.values().stream().map(s -> s.mailbox.smtp()).sorted().toList();
    }

    /** The mailbox of every subscription an open connection carries, one entry each, sorted. */
    List<String> streamedMailboxes() {
        return open.values().stream().flatMap(List::stream).map(subscriptions::get).filter(s -> s != null)
                .map(s -> s.mailbox.smtp()).sorted().toList();
    }

    /** As after a mailbox server restart: every subscription is gone, and the client learns it on its next call. */
    void forgetSubscriptions() {
        subscriptions.clear();
    }

    /**
     * As Exchange does when a subscription's queue overflowed: each open connection answers
     * ErrorMissedNotificationEvents for its subscriptions and ends; the subscriptions stay, their lost changes untold.
     */
    void missNotifications() {
        missing.addAll(open.keySet());
        changed();
    }

    /** Drops every open connection without a closing message, as a load balancer's idle timeout or a reset would. */
    void dropConnections() {
        for (HttpExchange exchange : List.copyOf(open.keySet())) {
            open.remove(exchange);
            exchange.close();
        }
    }

    String subscribe(HttpExchange exchange, Element operation, SimulatedMailbox mailbox, boolean impersonated) {
        Element request = child(operation, EwsSchema.MESSAGES, "StreamingSubscriptionRequest");
        Element pullRequest = child(operation, EwsSchema.MESSAGES, "PullSubscriptionRequest");
        if (request == null && pullRequest == null) {
            return EwsOperations.error("Subscribe", "ErrorInvalidSubscriptionRequest",
                    "The simulator serves streaming and pull subscriptions only.");
        }
        Duration pullTimeout = null;
        if (pullRequest != null) {
            request = pullRequest;
            pullTimeout = Duration.ofMinutes(Integer.parseInt(EwsXml.text(pullRequest, EwsSchema.TYPES, "Timeout")));
            if (EwsXml.text(pullRequest, EwsSchema.TYPES, "Watermark") != null) {
                simulator.contractBroken("Subscribe with a watermark: CalSync subscribes afresh and reads once");
            }
        }
        Element folders = child(request, EwsSchema.TYPES, "FolderIds");
        boolean calendar = folders != null && EwsSchema.children(folders).stream().anyMatch(folder ->
                "calendar".equals(folder.getAttribute("Id")) || mailbox.calendarFolderId.equals(folder.getAttribute("Id")));
        if (!calendar) {
            simulator.contractBroken("Subscribe without the calendar folder: CalSync watches calendars only");
        }
        String anchor = exchange.getRequestHeaders().getFirst("X-AnchorMailbox");
        String preferAffinity = exchange.getRequestHeaders().getFirst("X-PreferServerAffinity");
        if (affinityRequired && impersonated && (anchor == null || !"true".equalsIgnoreCase(preferAffinity))) {
            simulator.contractBroken("Subscribe without X-AnchorMailbox and X-PreferServerAffinity: true");
        }
        Subscription subscription = new Subscription(mailbox, backendOf(anchor == null ? mailbox.smtp() : anchor),
                pullTimeout);
        subscriptions.put(subscription.id, subscription);
        exchange.getResponseHeaders().add("Set-Cookie", AFFINITY_COOKIE + "=" + subscription.backend + "; path=/");
        String watermark = subscription.pulled() ? "<m:Watermark>" + subscription.watermark(subscription.position)
                + "</m:Watermark>" : "";
        return EwsXml.envelope("Subscribe", "<m:SubscribeResponseMessage ResponseClass=\"Success\"><m:ResponseCode>"
                + "NoError</m:ResponseCode><m:SubscriptionId>" + subscription.id + "</m:SubscriptionId>" + watermark
                + "</m:SubscribeResponseMessage>");
    }

    /** Which mailboxes have a live pull subscription, one entry per subscription, sorted. */
    List<String> pullSubscribedMailboxes() {
        return subscriptions.values().stream().filter(Subscription::pulled).map(s -> s.mailbox.smtp()).sorted().toList();
    }

    /**
     * The events of a pull subscription after the watermark given, at most {@link #EVENTS_PER_GET}, each with its
     * own watermark; a StatusEvent when there are none. The subscription's place moves to the last event handed over.
     */
    String getEvents(HttpExchange exchange, Element operation) {
        String id = EwsXml.text(operation, EwsSchema.MESSAGES, "SubscriptionId");
        String given = EwsXml.text(operation, EwsSchema.MESSAGES, "Watermark");
        Subscription subscription = id == null ? null : subscriptions.get(id);
        if (subscription == null || !subscription.pulled()) {
            return EwsOperations.error("GetEvents", "ErrorSubscriptionNotFound", "The subscription was not found.");
        }
        if (Instant.now().isAfter(subscription.askedAt.plus(subscription.pullTimeout))) {
            subscriptions.remove(id);
            return EwsOperations.error("GetEvents", "ErrorExpiredSubscription", "The subscription has expired.");
        }
        int from = subscription.placeOf(given);
        if (from < 0 || from > subscription.mailbox.logSize()) {
            return EwsOperations.error("GetEvents", "ErrorInvalidWatermark", "The watermark is invalid.");
        }
        if (affinityRequired && !subscription.backend.equals(cookieOf(exchange))) {
            simulator.contractBroken("GetEvents without the back end cookie of its subscription");
        }
        subscription.askedAt = Instant.now();
        List<SimulatedMailbox.Change> changes = subscription.mailbox.changesAfter(from);
        List<SimulatedMailbox.Change> handed = changes.subList(0, Math.min(EVENTS_PER_GET, changes.size()));
        subscription.position = from + handed.size();
        StringBuilder events = new StringBuilder();
        if (handed.isEmpty()) {
            events.append("<t:StatusEvent><t:Watermark>").append(subscription.watermark(from))
                    .append("</t:Watermark></t:StatusEvent>");
        }
        for (int i = 0; i < handed.size(); i++) {
            events.append(event(subscription, handed.get(i), subscription.watermark(from + i + 1)));
        }
        return EwsXml.envelope("GetEvents", "<m:GetEventsResponseMessage ResponseClass=\"Success\"><m:ResponseCode>"
                + "NoError</m:ResponseCode><m:Notification><t:SubscriptionId>" + subscription.id
                + "</t:SubscriptionId><t:PreviousWatermark>" + escape(given) + "</t:PreviousWatermark><t:MoreEvents>"
                + (changes.size() > handed.size()) + "</t:MoreEvents>" + events
                + "</m:Notification></m:GetEventsResponseMessage>");
    }

    private static String backendOf(String anchorMailbox) {
        return "EXBE" + Math.floorMod(anchorMailbox.toLowerCase().hashCode(), BACKENDS) + ".contoso.example";
    }

    String unsubscribe(Element operation) {
        String id = EwsXml.text(operation, EwsSchema.MESSAGES, "SubscriptionId");
        if (id == null || subscriptions.remove(id) == null) {
            return EwsOperations.error("Unsubscribe", "ErrorSubscriptionNotFound", "The subscription was not found.");
        }
        return EwsXml.envelope("Unsubscribe", "<m:UnsubscribeResponseMessage ResponseClass=\"Success\"><m:ResponseCode>"
                + "NoError</m:ResponseCode></m:UnsubscribeResponseMessage>");
    }

    /**
     * Holds the connection open for its lifetime, sending the changes of its subscriptions as they happen and a
     * heartbeat in between, then {@code ConnectionStatus Closed}. Subscriptions the server does not know are
     * answered at once with {@code ErrorSubscriptionNotFound} naming them, and the connection ends.
     */
    void stream(HttpExchange exchange, Element operation) throws IOException, InterruptedException {
        List<String> ids = EwsXml.all(child(operation, EwsSchema.MESSAGES, "SubscriptionIds"), EwsSchema.TYPES,
                "SubscriptionId").stream().map(Element::getTextContent).toList();
        int minutes = Integer.parseInt(EwsXml.text(operation, EwsSchema.MESSAGES, "ConnectionTimeout"));
        List<String> unknown = ids.stream().filter(id -> !subscriptions.containsKey(id)).toList();
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        exchange.getResponseHeaders().set("Transfer-Encoding", "chunked");
        exchange.sendResponseHeaders(200, 0);
        connectionsServed.incrementAndGet();
        try (OutputStream out = exchange.getResponseBody()) {
            if (!unknown.isEmpty()) {
                send(out, failure("ErrorSubscriptionNotFound", "The subscription was not found.", unknown));
                return;
            }
            String cookie = cookieOf(exchange);
            if (affinityRequired && ids.stream().anyMatch(id -> !subscriptions.get(id).backend.equals(cookie))) {
                simulator.contractBroken("GetStreamingEvents without the back end cookie of its subscriptions");
                send(out, failure("ErrorProxiedSubscriptionCallFailure",
                        "The subscriptions are held on another mailbox server.", ids));
                return;
            }
            open.put(exchange, ids);
            serveUntilClosed(exchange, out, ids, lifetime != null ? lifetime : Duration.ofMinutes(minutes));
        } catch (IOException dropped) {
            // the client went away, or the connection was dropped on purpose
        } finally {
            open.remove(exchange);
        }
    }

    private void serveUntilClosed(HttpExchange exchange, OutputStream out, List<String> ids, Duration lifetime)
            throws IOException, InterruptedException {
        Instant ends = Instant.now().plus(lifetime);
        Instant nextHeartbeat = Instant.now().plus(heartbeat);
        while (Instant.now().isBefore(ends)) {
            long seen;
            synchronized (signal) {
                seen = changes;
            }
            if (!open.containsKey(exchange)) {
                throw new IOException("dropped");
            }
            if (missing.remove(exchange)) {
                ids.forEach(id -> {
                    Subscription subscription = subscriptions.get(id);
                    if (subscription != null) {
                        subscription.position = subscription.mailbox.logSize(); // what happened meanwhile is lost
                    }
                });
                send(out, failure("ErrorMissedNotificationEvents", "Notifications were lost.", ids));
                return;
            }
            StringBuilder notifications = new StringBuilder();
            List<String> gone = new ArrayList<>();
            for (String id : ids) {
                Subscription subscription = subscriptions.get(id);
                if (subscription == null) {
                    gone.add(id);
                    continue;
                }
                notifications.append(notificationsOf(subscription));
            }
            if (!gone.isEmpty()) {
                send(out, failure("ErrorSubscriptionNotFound", "The subscription was not found.", gone));
                return;
            }
            if (notifications.length() > 0) {
                send(out, message("<m:Notifications>" + notifications + "</m:Notifications>"));
                nextHeartbeat = Instant.now().plus(heartbeat);
            } else if (!Instant.now().isBefore(nextHeartbeat)) {
                send(out, message("<m:ConnectionStatus>OK</m:ConnectionStatus>"));
                nextHeartbeat = Instant.now().plus(heartbeat);
            }
            synchronized (signal) {
                if (changes == seen) {
                    signal.wait(50); // woken by the next change; the timeout paces heartbeats and drops
                }
            }
        }
        send(out, message("<m:ConnectionStatus>Closed</m:ConnectionStatus>"));
    }

    /** The changes since the subscription's place, one event each, and the place moved past them. */
    private String notificationsOf(Subscription subscription) {
        List<SimulatedMailbox.Change> changes = subscription.mailbox.changesAfter(subscription.position);
        if (changes.isEmpty()) {
            return "";
        }
        subscription.position += changes.size();
        StringBuilder events = new StringBuilder();
        changes.forEach(change -> events.append(event(subscription, change, null)));
        return "<m:Notification><t:SubscriptionId>" + subscription.id + "</t:SubscriptionId>" + events
                + "</m:Notification>";
    }

    /** One change as Exchange tells it, with its watermark when the subscription is a pull one. */
    private static String event(Subscription subscription, SimulatedMailbox.Change change, String watermark) {
        String event = switch (change.kind()) {
            case CREATE -> "CreatedEvent";
            case UPDATE -> "ModifiedEvent";
            case DELETE -> "DeletedEvent";
        };
        return "<t:" + event + ">" + (watermark == null ? "" : "<t:Watermark>" + watermark + "</t:Watermark>")
                + "<t:TimeStamp>" + instant(Instant.now().truncatedTo(ChronoUnit.SECONDS)) + "</t:TimeStamp><t:ItemId Id=\""
                + escape(change.itemId()) + "\" ChangeKey=\"CQAAAA==\"/><t:ParentFolderId Id=\""
                + subscription.mailbox.calendarFolderId + "\" ChangeKey=\"AQAAAA==\"/></t:" + event + ">";
    }

    private static String cookieOf(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                String[] parts = pair.trim().split("=", 2);
                if (parts.length == 2 && parts[0].equals(AFFINITY_COOKIE)) {
                    return parts[1];
                }
            }
        }
        return null;
    }

    private static String message(String content) {
        return envelope("<m:GetStreamingEventsResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError"
                + "</m:ResponseCode>" + content + "</m:GetStreamingEventsResponseMessage>");
    }

    private static String failure(String code, String text, List<String> ids) {
        StringBuilder named = new StringBuilder();
        ids.forEach(id -> named.append("<t:SubscriptionId>").append(id).append("</t:SubscriptionId>"));
        return envelope("<m:GetStreamingEventsResponseMessage ResponseClass=\"Error\"><m:MessageText>" + escape(text)
                + "</m:MessageText><m:ResponseCode>" + code + "</m:ResponseCode><m:DescriptiveLinkKey>0"
                + "</m:DescriptiveLinkKey><m:ErrorSubscriptionIds>" + named + "</m:ErrorSubscriptionIds>"
                + "</m:GetStreamingEventsResponseMessage>");
    }

    private static String envelope(String responseMessage) {
        return EwsXml.envelope("GetStreamingEvents", responseMessage);
    }

    /**
     * One envelope, validated, then flushed as its own chunk. Exchange writes {@code m:Notification}, as Microsoft's
     * sample and the EWS Java API have it, where the schema says {@code t:Notification} (see EwsSchemaTest); the
     * wire shape is sent, and the schema's checked.
     */
    private void send(OutputStream out, String envelope) throws IOException {
        simulator.validateResponse(envelope.replace("<m:Notification>", "<t:Notification>")
                .replace("</m:Notification>", "</t:Notification>"));
        out.write(envelope.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
