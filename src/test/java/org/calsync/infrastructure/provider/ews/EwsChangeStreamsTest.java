package org.calsync.infrastructure.provider.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.calsync.domain.model.calendar.ChangeStream;
import org.calsync.domain.model.calendar.ChangeStreamListener;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.ServerOptions;
import org.calsync.domain.model.calendar.StreamedCalendar;
import org.calsync.domain.model.sync.ServerPauses;
import org.calsync.domain.model.tenant.ExchangeServerVersion;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedItem;
import org.calsync.testsupport.ews.SimulatedMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Streaming notifications against the simulator, which validates every message and, like Exchange 2013 and later,
 * refuses a grouped connection that does not keep to one mailbox server.
 */
class EwsChangeStreamsTest {

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withUser("amira", "amira-secret", "amira@northwind.example")
            .withUser("tom", "tom-secret", "tom@northwind.example").withServiceAccount("svc-calsync", "svc-secret")
            .requireAffinity();

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration HEARD_WITHIN = Duration.ofSeconds(5);

    private final EwsChangeStreams streams = new EwsChangeStreams();
    private final Heard heard = new Heard();
    private ChangeStream stream;

    @BeforeEach
    void quickHeartbeats() {
        EWS.streamHeartbeat(Duration.ofMillis(500));
        EWS.streamLifetime(null);
        EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2016);
        streams.pullInterval = Duration.ofMillis(200);
    }

    @AfterEach
    void everyMessageValidated() {
        if (stream != null) {
            stream.close();
        }
        List<String> violations = EWS.takeViolations();
        assertTrue(violations.isEmpty(), String.join("\n\n", violations));
    }

    @Test
    void aPersonsOwnStreamHearsCreationsMovesAndDeletions() throws InterruptedException {
        SimulatedMailbox mailbox = EWS.mailbox("amira@northwind.example");
        stream = streams.open(List.of(calendar("cal-amira", own("amira"))), heard);
        assertTrue(stream.isOpen(), () -> stream.refused().toString());

        SimulatedItem item = mailbox.add("Dentist", Instant.now().plusSeconds(86_400), Instant.now().plusSeconds(90_000));
        assertEquals("cal-amira", heard.nextChange());
        mailbox.move(item.id(), Instant.now().plusSeconds(172_800), Instant.now().plusSeconds(176_400));
        assertEquals("cal-amira", heard.nextChange());
        mailbox.delete(item.id());
        assertEquals("cal-amira", heard.nextChange());
        assertTrue(heard.interruptions.isEmpty(), heard.interruptions.toString());
    }

    @Test
    void aConnectionAtTheEndOfItsLifetimeIsOpenedAgainWithNothingMissed() throws InterruptedException {
        EWS.streamLifetime(Duration.ofMillis(800));
        int served = EWS.streamsServed();
        SimulatedMailbox mailbox = EWS.mailbox("tom@northwind.example");
        stream = streams.open(List.of(calendar("cal-tom", own("tom"))), heard);

        waitUntil(() -> EWS.streamsServed() >= served + 3);
        mailbox.add("Made while the connection was renewed", Instant.now().plusSeconds(3_600),
                Instant.now().plusSeconds(7_200));
        assertEquals("cal-tom", heard.nextChange());
        assertTrue(stream.isOpen());
        assertTrue(heard.interruptions.isEmpty(), heard.interruptions.toString());
    }

    @Test
    void aServiceAccountCarriesManyMailboxesOnOneConnectionToOneServer() throws InterruptedException {
        List<String> people = List.of("ann", "ben", "cho", "dev");
        people.forEach(name -> EWS.mailbox(name + "@northwind.example"));
        stream = streams.open(people.stream().map(name -> calendar("cal-" + name, impersonating(name))).toList(), heard);

        // The connection opens on the stream's own thread: wait until the server carries all four on it.
        List<String> mailboxes = people.stream().map(name -> name + "@northwind.example").toList();
        waitUntil(() -> EWS.streamedMailboxes().containsAll(mailboxes));
        assertEquals(1, EWS.requests().stream().filter(r -> r.operation().equals("GetStreamingEvents")
                && "ann@northwind.example".equals(r.impersonated())).count(),
                "one connection for the group, acting for its first mailbox");
        assertEquals(4, EWS.subscribedMailboxes().stream().filter(m -> people.contains(m.split("@")[0])).count());
        EWS.mailbox("cho@northwind.example").add("Review", Instant.now().plusSeconds(3_600), Instant.now().plusSeconds(7_200));
        assertEquals("cal-cho", heard.nextChange());
        EWS.mailbox("dev@northwind.example").add("Class", Instant.now().plusSeconds(3_600), Instant.now().plusSeconds(7_200));
        assertEquals("cal-dev", heard.nextChange());
        List<EwsSimulator.Recorded> subscribes = EWS.requests().stream().filter(r -> r.operation().equals("Subscribe"))
                .filter(r -> people.contains(String.valueOf(r.impersonated()).split("@")[0])).toList();
        assertEquals(4, subscribes.size(), "one Subscribe per mailbox, each acting for its mailbox");

        stream.close();
        waitUntil(() -> EWS.subscribedMailboxes().stream().noneMatch(m -> people.contains(m.split("@")[0])));
    }

    @Test
    void aMailboxTheServerRefusesIsNamedAndTheOthersAreStreamed() throws InterruptedException {
        EWS.mailbox("eve@northwind.example");
        stream = streams.open(List.of(calendar("cal-eve", impersonating("eve")),
                calendar("cal-gone", impersonating("nobody-here"))), heard);

        assertEquals(Set.of("cal-eve"), stream.calendarIds());
        assertNotNull(stream.refused().get("cal-gone"));
        EWS.mailbox("eve@northwind.example").add("Lunch", Instant.now().plusSeconds(3_600), Instant.now().plusSeconds(7_200));
        assertEquals("cal-eve", heard.nextChange());
    }

    @Test
    void aDroppedConnectionInterruptsTheStream() throws InterruptedException {
        stream = streams.open(List.of(calendar("cal-amira", own("amira"))), heard);
        waitUntil(() -> EWS.openStreams() > 0);

        EWS.dropStreams();
        assertNotNull(heard.interruptions.poll(HEARD_WITHIN.toMillis(), TimeUnit.MILLISECONDS), "interrupted");
        assertFalse(stream.isOpen());
    }

    @Test
    void subscriptionsTheServerForgotInterruptTheStream() throws InterruptedException {
        EWS.streamLifetime(Duration.ofMillis(500));
        stream = streams.open(List.of(calendar("cal-tom", own("tom"))), heard);

        EWS.forgetSubscriptions();
        String reason = heard.interruptions.poll(HEARD_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(reason, "interrupted");
        assertFalse(stream.isOpen());
        EWS.takeViolations();
    }

    @Test
    void notificationsTheServerLostInterruptTheStream() throws InterruptedException {
        stream = streams.open(List.of(calendar("cal-amira", own("amira"))), heard);
        waitUntil(() -> EWS.openStreams() > 0);

        EWS.missNotifications();
        assertNotNull(heard.interruptions.poll(HEARD_WITHIN.toMillis(), TimeUnit.MILLISECONDS), "interrupted");
        assertFalse(stream.isOpen());
    }

    @Test
    void aServerThatAskedToWaitIsNotSubscribedTo() {
        streams.throttle.paused(ServerPauses.serverOf(EWS.url()), Duration.ofSeconds(30));
        int asked = EWS.requests().size();
        ProviderUnavailableException paused = assertThrows(
                ProviderUnavailableException.class,
                () -> streams.open(List.of(calendar("cal-amira", own("amira"))), heard));
        assertTrue(paused.retryAfter().compareTo(Duration.ofSeconds(25)) > 0, paused.getMessage());
        assertEquals(asked, EWS.requests().size(), "no Subscribe during the pause");
    }

    @Test
    void aReleaseBeforeStreamingIsAskedForItsChangesThroughPullSubscriptions() throws InterruptedException {
        EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2010);
        List<String> people = List.of("hal", "ida");
        people.forEach(name -> EWS.mailbox(name + "@northwind.example"));
        int streamsBefore = EWS.streamsServed();
        stream = streams.open(people.stream().map(name -> calendar("cal-" + name, onExchange2010(name))).toList(), heard);

        assertEquals(ChangeStream.Delivery.FETCHED, stream.delivery());
        assertTrue(stream.isOpen(), () -> stream.refused().toString());
        assertEquals(List.of("hal@northwind.example", "ida@northwind.example"), EWS.pullSubscribedMailboxes().stream()
                .filter(m -> people.contains(m.split("@")[0])).toList(), "one pull subscription per mailbox");
        SimulatedMailbox ida = EWS.mailbox("ida@northwind.example");
        SimulatedItem item = ida.add("Tutorial", Instant.now().plusSeconds(86_400), Instant.now().plusSeconds(90_000));
        assertEquals("cal-ida", heard.nextChange());
        ida.move(item.id(), Instant.now().plusSeconds(172_800), Instant.now().plusSeconds(176_400));
        assertEquals("cal-ida", heard.nextChange());
        ida.delete(item.id());
        assertEquals("cal-ida", heard.nextChange());
        Thread.sleep(600); // three more rounds with nothing new
        assertEquals(List.of(), List.copyOf(heard.changes), "a round without events tells nothing");
        assertEquals(streamsBefore, EWS.streamsServed(), "no streaming connection on a release before streaming");
        assertTrue(EWS.requests().stream().filter(r -> r.operation().equals("GetEvents"))
                .allMatch(r -> "Exchange2010".equals(r.requestVersion())), "asked in the release's own schema");

        stream.close();
        waitUntil(() -> EWS.pullSubscribedMailboxes().stream().noneMatch(m -> people.contains(m.split("@")[0])));
        assertTrue(heard.interruptions.isEmpty(), heard.interruptions.toString());
    }

    @Test
    void morePullEventsThanOneAnswerHoldsAreAllHandedOverAndTheWatermarkFollows() throws InterruptedException {
        SimulatedMailbox jay = EWS.mailbox("jay@northwind.example");
        stream = streams.open(List.of(calendar("cal-jay", onExchange2010("jay"))), heard);
        Instant start = Instant.now().plusSeconds(86_400);
        for (int i = 0; i < 70; i++) {
            jay.add("Slot " + i, start.plusSeconds(3_600L * i), start.plusSeconds(3_600L * i + 1_800));
        }
        assertEquals("cal-jay", heard.nextChange());
        Thread.sleep(600); // three more rounds
        assertEquals(List.of(), List.copyOf(heard.changes), "the round that told the change took all 70 (MoreEvents)");
        jay.add("One more", start.minusSeconds(7_200), start.minusSeconds(3_600));
        assertEquals("cal-jay", heard.nextChange(), "heard after the watermark moved past all 70");
        assertTrue(heard.interruptions.isEmpty(), "no ErrorInvalidWatermark: " + heard.interruptions);
    }

    @Test
    void aPullSubscriptionTheServerForgotInterruptsTheGroup() throws InterruptedException {
        EWS.mailbox("kim@northwind.example");
        stream = streams.open(List.of(calendar("cal-kim", onExchange2010("kim"))), heard);

        EWS.forgetSubscriptions();
        assertNotNull(heard.interruptions.poll(HEARD_WITHIN.toMillis(), TimeUnit.MILLISECONDS), "interrupted");
        assertFalse(stream.isOpen());
    }

    @Test
    void pullSubscriptionsAreNotAskedWhileTheServerIsPausedAndHandOverWhatWaitedAfter() throws InterruptedException {
        SimulatedMailbox lea = EWS.mailbox("lea@northwind.example");
        stream = streams.open(List.of(calendar("cal-lea", onExchange2010("lea"))), heard);
        Duration pause = Duration.ofSeconds(2);
        streams.throttle.paused(ServerPauses.serverOf(EWS.url()), pause);
        Instant pauseEnds = Instant.now().plus(pause);
        lea.add("Made during the pause", Instant.now().plusSeconds(3_600), Instant.now().plusSeconds(7_200));

        assertEquals("cal-lea", heard.nextChange());
        assertFalse(Instant.now().isBefore(pauseEnds.minusMillis(50)), "heard only after the pause");
        Instant pauseBegan = pauseEnds.minus(pause).plusMillis(100);
        assertEquals(List.of(), EWS.requests().stream().filter(r -> r.at().isAfter(pauseBegan)
                && r.at().isBefore(pauseEnds.minusMillis(50))).map(EwsSimulator.Recorded::operation).toList(),
                "no GetEvents during the pause");
        assertTrue(heard.interruptions.isEmpty(), heard.interruptions.toString());
    }

    private StreamedCalendar calendar(String id, ProviderConnection connection) {
        return new StreamedCalendar(id, connection, "calendar");
    }

    private static ProviderConnection own(String user) {
        return new ProviderConnection(EWS.url(), "NORTHWIND\\" + user, user + "-secret", LONDON);
    }

    private static ProviderConnection impersonating(String name) {
        return new ProviderConnection(EWS.url(), "svc-calsync@northwind.example", "svc-secret", LONDON,
                name + "@northwind.example");
    }

    /** A mailbox on a server set up as Exchange 2010, before streaming notifications. */
    private static ProviderConnection onExchange2010(String name) {
        return new ProviderConnection(EWS.url(), "svc-calsync@northwind.example", "svc-secret", LONDON,
                name + "@northwind.example", ServerOptions.NONE.withExchangeRelease(ExchangeServerVersion.EXCHANGE_2010));
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(HEARD_WITHIN);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(giveUp), "not within " + HEARD_WITHIN);
            Thread.sleep(20);
        }
    }

    /** What the stream told, in order. */
    private static final class Heard implements ChangeStreamListener {
        final BlockingQueue<String> changes = new LinkedBlockingQueue<>();
        final BlockingQueue<String> interruptions = new LinkedBlockingQueue<>();

        @Override
        public void changed(String calendarId) {
            changes.add(calendarId);
        }

        @Override
        public void interrupted(String reason) {
            interruptions.add(reason);
        }

        String nextChange() throws InterruptedException {
            return changes.poll(HEARD_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
