package org.calsync.infrastructure.provider.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.WatchGrant;
import org.calsync.domain.model.calendar.WatchRequest;
import org.calsync.testsupport.NotificationReceiver;
import org.calsync.testsupport.graph.GraphSimulator;
import org.calsync.testsupport.graph.GraphSubscriptions.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graph subscriptions through the adapter, against the simulator, which validates the address as Graph does. */
class GraphWatchTest {

    private static final String TOM = "tom.becker@northwind.example";
    private static final String CALENDAR = "AAMkAGcalendar=";
    private static final String SECRET = "s3cr3t-client-state";

    private final GraphCalendarProvider graph = new GraphCalendarProvider(1);
    private GraphSimulator simulator;
    private NotificationReceiver receiver;
    private ProviderConnection connection;

    @BeforeEach
    void start() throws Exception {
        simulator = new GraphSimulator().withMailbox(TOM, CALENDAR).signIn("access-token-1", TOM);
        simulator.start();
        receiver = new NotificationReceiver();
        connection = new ProviderConnection(URI.create(simulator.baseUrl()), TOM, "access-token-1",
                ZoneId.of("Europe/London"));
    }

    @AfterEach
    void stop() {
        receiver.close();
        simulator.stop();
    }

    private WatchRequest request(Duration lifetime) {
        return new WatchRequest(receiver.address().toString(), SECRET, Instant.now().plus(lifetime));
    }

    @Test
    void aSubscriptionPassesTheHandshakeAndEveryChangeIsCalledInWithItsClientState() throws Exception {
        WatchGrant grant = graph.watch(connection, CALENDAR, request(Duration.ofDays(2)));

        NotificationReceiver.Call handshake = receiver.calls().get(0);
        assertTrue(handshake.query().get("validationToken").startsWith("Validation: "), "Graph validated the address first");
        Subscription subscription = simulator.subscriptions().all().get(0);
        assertEquals(grant.remoteId(), subscription.id());
        assertEquals("me/calendars/" + CALENDAR + "/events", subscription.resource());
        assertEquals(receiver.address(), subscription.lifecycleUrl(), "lifecycle events come to the same address");
        assertEquals(SECRET, subscription.clientState());

        String eventId = simulator.putByOwner(TOM, CALENDAR, null, Json.createObjectBuilder().add("subject", "Dentist")
                .add("start", GraphSimulator.utcTime(Instant.parse("2026-12-03T09:00:00Z")))
                .add("end", GraphSimulator.utcTime(Instant.parse("2026-12-03T10:00:00Z"))).build());
        NotificationReceiver.Call change = receiver.awaitCall(call -> call.body().contains("\"created\""));
        JsonObject item = Json.createReader(new StringReader(change.body())).readObject().getJsonArray("value")
                .getJsonObject(0);
        assertEquals(grant.remoteId(), item.getString("subscriptionId"));
        assertEquals(SECRET, item.getString("clientState"));
        assertEquals(eventId, item.getJsonObject("resourceData").getString("id"));
    }

    @Test
    void anAddressThatFailsTheHandshakeIsRefusedWithGraphsReason() {
        receiver.answerHandshakesWrongly();

        ProviderUnavailableException refused = assertThrows(ProviderUnavailableException.class,
                () -> graph.watch(connection, CALENDAR, request(Duration.ofDays(2))));

        assertTrue(refused.getMessage().contains("Subscription validation request failed"), refused.getMessage());
        assertTrue(simulator.subscriptions().all().isEmpty());
    }

    @Test
    void aLongerLifetimeThanGraphAllowsIsCappedNotRefused() {
        WatchGrant grant = graph.watch(connection, CALENDAR, request(Duration.ofDays(7)));

        assertTrue(grant.expiresAt().isBefore(Instant.now().plus(Duration.ofMinutes(4230))), grant.expiresAt().toString());
        assertTrue(grant.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(4200))), grant.expiresAt().toString());
    }

    @Test
    void renewingExtendsTheSubscriptionAndOneGraphRemovedIsMadeAnew() {
        WatchGrant first = graph.watch(connection, CALENDAR, request(Duration.ofHours(1)));

        WatchGrant extended = graph.renew(connection, CALENDAR, first, request(Duration.ofDays(2)));
        assertEquals(first.remoteId(), extended.remoteId());
        assertTrue(extended.expiresAt().isAfter(first.expiresAt().plus(Duration.ofHours(40))));
        assertTrue(simulator.requests().stream().anyMatch(r -> r.startsWith("PATCH /v1.0/subscriptions/")));

        simulator.subscriptions().removeAndTell(first.remoteId());
        WatchGrant anew = graph.renew(connection, CALENDAR, extended, request(Duration.ofDays(2)));
        assertNotEquals(first.remoteId(), anew.remoteId());
        assertEquals(List.of(anew.remoteId()), simulator.subscriptions().all().stream().map(Subscription::id).toList());
    }

    @Test
    void unwatchingEndsTheSubscriptionAndOneAlreadyGoneIsNoError() {
        WatchGrant grant = graph.watch(connection, CALENDAR, request(Duration.ofDays(1)));

        graph.unwatch(connection, grant);
        graph.unwatch(connection, grant);

        assertTrue(simulator.subscriptions().all().isEmpty());
    }

    @Test
    void theOrganisationsGrantSubscribesToTheMailboxByAddress() {
        ProviderConnection organisation = new ProviderConnection(connection.server(), null, "app-token",
                connection.ownerZone(), TOM);

        graph.watch(organisation, CALENDAR, request(Duration.ofDays(1)));

        assertEquals("users/" + TOM + "/calendars/" + CALENDAR + "/events", simulator.subscriptions().all().get(0).resource());
    }
}
