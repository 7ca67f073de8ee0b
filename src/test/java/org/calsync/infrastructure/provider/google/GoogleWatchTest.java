package org.calsync.infrastructure.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.json.Json;

import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.WatchGrant;
import org.calsync.domain.model.calendar.WatchRequest;
import org.calsync.testsupport.NotificationReceiver;
import org.calsync.testsupport.google.GoogleCalendarSimulator;
import org.calsync.testsupport.google.GoogleChannels.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Google watch channels through the adapter, against the simulator. */
class GoogleWatchTest {

    private static final String PRIMARY = "tom.becker@gmail.example";
    private static final String TOKEN = "s3cr3t-channel-token";

    private final GoogleCalendarProvider google = new GoogleCalendarProvider(1);
    private GoogleCalendarSimulator simulator;
    private NotificationReceiver receiver;
    private ProviderConnection connection;

    @BeforeEach
    void start() throws Exception {
        simulator = new GoogleCalendarSimulator().withCalendar(PRIMARY, PRIMARY, "owner");
        simulator.start();
        receiver = new NotificationReceiver();
        connection = new ProviderConnection(URI.create(simulator.baseUrl()), PRIMARY, "access-token-1",
                ZoneId.of("Europe/Paris"));
    }

    @AfterEach
    void stop() {
        receiver.close();
        simulator.stop();
    }

    private WatchRequest request() {
        return new WatchRequest(receiver.address().toString(), TOKEN, Instant.now().plus(Duration.ofDays(7)));
    }

    @Test
    void aChannelOpensWithASyncCallThenEachChangeIsCalledInWithTheTokenAndResource() throws Exception {
        WatchGrant grant = google.watch(connection, PRIMARY, request());

        Channel channel = simulator.channels().open().get(0);
        assertEquals(grant.remoteId(), channel.id());
        assertEquals(channel.resourceId(), grant.resourceId());
        assertEquals(channel.expiration().toEpochMilli(), grant.expiresAt().toEpochMilli());
        NotificationReceiver.Call opened = receiver.awaitCall(call -> "sync".equals(call.headers().get("x-goog-resource-state")));
        assertEquals(TOKEN, opened.headers().get("x-goog-channel-token"));

        simulator.putByOwner(PRIMARY, Json.createObjectBuilder().add("summary", "Dentist")
                .add("start", Json.createObjectBuilder().add("dateTime", "2026-12-03T09:00:00Z"))
                .add("end", Json.createObjectBuilder().add("dateTime", "2026-12-03T10:00:00Z")).build());
        NotificationReceiver.Call change = receiver.awaitCall(call -> "exists".equals(call.headers().get("x-goog-resource-state")));
        assertEquals(grant.remoteId(), change.headers().get("x-goog-channel-id"));
        assertEquals(grant.resourceId(), change.headers().get("x-goog-resource-id"));
        assertEquals(TOKEN, change.headers().get("x-goog-channel-token"));
        assertEquals("2", change.headers().get("x-goog-message-number"));
    }

    @Test
    void renewingOpensANewChannelBeforeTheOldOneStops() {
        WatchGrant first = google.watch(connection, PRIMARY, request());

        WatchGrant renewed = google.renew(connection, PRIMARY, first, request());

        assertNotEquals(first.remoteId(), renewed.remoteId(), "Google cannot extend a channel");
        assertEquals(List.of(renewed.remoteId()), simulator.channels().open().stream().map(Channel::id).toList());
        List<String> requests = simulator.requests();
        assertTrue(requests.indexOf(requests.stream().filter(r -> r.contains("/channels/stop")).findFirst().orElseThrow())
                > requests.lastIndexOf(requests.stream().filter(r -> r.endsWith("/events/watch")).reduce((a, b) -> b)
                        .orElseThrow()), "the old channel stops only after the new one is open: " + requests);
    }

    @Test
    void stoppingAChannelTwiceIsNoError() {
        WatchGrant grant = google.watch(connection, PRIMARY, request());

        google.unwatch(connection, grant);
        google.unwatch(connection, grant);

        assertTrue(simulator.channels().open().isEmpty());
    }
}
