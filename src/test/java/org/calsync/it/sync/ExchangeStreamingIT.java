package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;
import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedItem;
import org.calsync.testsupport.ews.SimulatedMailbox;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changes made in Outlook reach CalSync within seconds over EWS streaming notifications, with no Sync now: an
 * appointment created, moved and deleted in the simulator's mailbox shows in the person's busy times and in the
 * conflicts of a session they teach; a dropped connection and a server that forgot its subscriptions are
 * recovered with no change missed. The simulator validates every message, and, as Exchange 2013 and later,
 * refuses a grouped connection without the affinity headers and cookie. A release before streaming is followed
 * through pull subscriptions.
 */
@ExtendWith(ArquillianExtension.class)
class ExchangeStreamingIT {

    /** The promise: a change is in within five seconds. */
    private static final Duration WITHIN = Duration.ofSeconds(5);
    /** A new link is streamed at the next upkeep, within five seconds, and read once. */
    private static final Duration STREAMED_SOON = Duration.ofSeconds(15);
    /** After a drop, the next upkeep subscribes again and reads once: within the upkeep's five seconds and a pull. */
    private static final Duration RECOVERED = Duration.ofSeconds(12);
    private static final FixtureDates DAYS = FixtureDates.fromToday();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String MAILBOX = "sam.stream-" + SUFFIX + "@northwind.example";

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withServiceAccount("svc-calsync", "svc-secret").requireAffinity()
            .onPort(Integer.getInteger("calsync.it.ews.port", 0));

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    @AfterEach
    void everyMessageValidated() {
        List<String> violations = EWS.takeViolations();
        assertTrue(violations.isEmpty(), String.join("\n\n", violations));
        // Streams of other classes' calendars stop here; theirs is chosen again by each.
        api().useExchangeServiceAccount(EWS.url(), false);
    }

    @Test
    void outlookChangesArriveWithinSecondsAndADroppedStreamMissesNothing() {
        EWS.streamHeartbeat(Duration.ofSeconds(1));
        SimulatedMailbox mailbox = EWS.mailbox(MAILBOX);
        Instant nine = DAYS.weeksAhead(4, DayOfWeek.WEDNESDAY).atTime(9, 0).toInstant(ZoneOffset.UTC);
        // Something that stays: deleting the only appointment would empty the calendar, which the guard holds.
        Instant teamMeeting = nine.minus(Duration.ofDays(7));
        mailbox.add("Team meeting", teamMeeting, teamMeeting.plus(Duration.ofHours(1)));
        assertEquals(200, api().useExchangeServiceAccount(EWS.url(), true).status());
        String person = api().createInstructor(MAILBOX, "Sam Stream " + SUFFIX, "Europe/London");
        Api.Reply linked = api().post("people/" + person + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}");
        assertEquals(201, linked.status(), linked.body());
        Eventually.await("the mailbox is subscribed and streamed, and read once", STREAMED_SOON,
                () -> EWS.subscribedMailboxes().contains(MAILBOX) && EWS.openStreams() > 0
                        && streams().getInt("streamed") >= 1 && busyStarts(person).equals(List.of(teamMeeting)));

        // A session on a day that Outlook then fills.
        String session = api().post("sessions", """
                {"courseTitle":"Streaming %s","start":"%s","end":"%s","timeZone":"UTC"}""".formatted(SUFFIX,
                FixtureDates.api(nine.atOffset(ZoneOffset.UTC).toLocalDateTime()),
                FixtureDates.api(nine.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC).toLocalDateTime())))
                .object().getString("id");

        SimulatedItem dentist = mailbox.add("Dentist", nine.plus(Duration.ofMinutes(30)), nine.plus(Duration.ofMinutes(90)));
        Eventually.await("the new appointment is a busy time, with no Sync now", WITHIN,
                () -> busyStarts(person).contains(nine.plus(Duration.ofMinutes(30))));
        assertEquals(List.of("CALENDAR 09:30–10:30"), conflicts(session, person), "and a conflict of the session");

        mailbox.move(dentist.id(), nine.plus(Duration.ofHours(5)), nine.plus(Duration.ofHours(6)));
        Eventually.await("the moved appointment moves its busy time", WITHIN,
                () -> busyStarts(person).equals(List.of(teamMeeting, nine.plus(Duration.ofHours(5)))));
        assertEquals(List.of(), conflicts(session, person), "no conflict once it moved away");

        mailbox.delete(dentist.id());
        Eventually.await("the deleted appointment frees the time", WITHIN,
                () -> busyStarts(person).equals(List.of(teamMeeting)));
        JsonObject status = streams();
        assertTrue(status.containsKey("lastNotifiedAt"), "the console shows the last notification: " + status);

        // The connection drops, and an appointment is made before CalSync listens again.
        int served = EWS.streamsServed();
        EWS.dropStreams();
        mailbox.add("Made while nobody listened", nine.plus(Duration.ofDays(1)), nine.plus(Duration.ofDays(1)).plusSeconds(3_600));
        Eventually.await("the stream is opened again and the gap read", RECOVERED,
                () -> EWS.streamsServed() > served && busyStarts(person).contains(nine.plus(Duration.ofDays(1))));

        // Exchange restarts and forgets every subscription: CalSync subscribes anew and misses nothing.
        EWS.forgetSubscriptions();
        mailbox.add("Made across the restart", nine.plus(Duration.ofDays(2)), nine.plus(Duration.ofDays(2)).plusSeconds(3_600));
        Eventually.await("subscribed again after the restart, the change read", RECOVERED,
                () -> EWS.subscribedMailboxes().contains(MAILBOX) && busyStarts(person).contains(nine.plus(Duration.ofDays(2))));
        mailbox.add("After the restart", nine.plus(Duration.ofDays(3)), nine.plus(Duration.ofDays(3)).plusSeconds(3_600));
        Eventually.await("and the new stream carries changes again", WITHIN,
                () -> busyStarts(person).contains(nine.plus(Duration.ofDays(3))));
        assertEquals(1, EWS.subscribedMailboxes().stream().filter(MAILBOX::equals).count(),
                "one subscription for the mailbox: the forgotten one is not kept beside it");

        // Exchange lost notifications (ErrorMissedNotificationEvents): the change it never told is read all the same.
        Eventually.await("streamed again", RECOVERED, () -> EWS.streamedMailboxes().contains(MAILBOX));
        EWS.missNotifications();
        mailbox.add("Never told", nine.plus(Duration.ofDays(4)), nine.plus(Duration.ofDays(4)).plusSeconds(3_600));
        Eventually.await("the untold change is read after the stream is opened again", RECOVERED,
                () -> busyStarts(person).contains(nine.plus(Duration.ofDays(4))));
    }

    /**
     * Exchange 2010 before SP1 cannot stream: its mailboxes are followed through pull subscriptions (GetEvents
     * every second in the tests), and changes still arrive within seconds. When the server is upgraded and the
     * settings say so, the same mailbox is streamed, with no restart.
     */
    @Test
    void aReleaseBeforeStreamingIsFollowedThroughPullSubscriptionsUntilItIsUpgraded() {
        String email = "pia.pull-" + SUFFIX + "@northwind.example";
        SimulatedMailbox mailbox = EWS.mailbox(email);
        Instant ten = DAYS.weeksAhead(5, DayOfWeek.TUESDAY).atTime(10, 0).toInstant(ZoneOffset.UTC);
        Instant standUp = ten.minus(Duration.ofDays(7));
        mailbox.add("Stand-up", standUp, standUp.plus(Duration.ofMinutes(15)));
        EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2010);
        try {
            assertEquals(200, api().useExchangeServiceAccount(EWS.url(), true, "EXCHANGE_2010").status());
            String person = api().createInstructor(email, "Pia Pull " + SUFFIX, "Europe/London");
            Api.Reply linked = api().post("people/" + person + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}");
            assertEquals(201, linked.status(), linked.body());
            Eventually.await("the mailbox is on a pull subscription, and read once", STREAMED_SOON,
                    () -> EWS.pullSubscribedMailboxes().contains(email) && streams().getInt("pullSubscribed") >= 1
                            && busyStarts(person).equals(List.of(standUp)));
            assertEquals(0, streams().getInt("streamed"), "nothing streamed from a release before streaming");

            SimulatedItem review = mailbox.add("Review", ten, ten.plus(Duration.ofHours(1)));
            Eventually.await("the new appointment is a busy time, with no Sync now", WITHIN,
                    () -> busyStarts(person).contains(ten));
            mailbox.move(review.id(), ten.plus(Duration.ofHours(3)), ten.plus(Duration.ofHours(4)));
            Eventually.await("the moved appointment moves its busy time", WITHIN,
                    () -> busyStarts(person).equals(List.of(standUp, ten.plus(Duration.ofHours(3)))));
            mailbox.delete(review.id());
            Eventually.await("the deleted appointment frees the time", WITHIN,
                    () -> busyStarts(person).equals(List.of(standUp)));
            assertTrue(streams().containsKey("lastNotifiedAt"), "the console shows the last change told");
            assertTrue(EWS.streamedMailboxes().stream().noneMatch(email::equals), "never on a streaming connection");

            // The server is upgraded, and IT says so in the settings: the mailbox is streamed from then on.
            EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2016);
            assertEquals(200, api().useExchangeServiceAccount(EWS.url(), true, "EXCHANGE_2016").status());
            Eventually.await("streamed after the upgrade, without a restart", STREAMED_SOON,
                    () -> EWS.streamedMailboxes().contains(email) && !EWS.pullSubscribedMailboxes().contains(email)
                            && streams().getInt("pullSubscribed") == 0);
            mailbox.add("After the upgrade", ten.plus(Duration.ofDays(1)), ten.plus(Duration.ofDays(1)).plusSeconds(3_600));
            Eventually.await("and its changes come over the stream", WITHIN,
                    () -> busyStarts(person).contains(ten.plus(Duration.ofDays(1))));
        } finally {
            EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2016);
        }
    }

    /** The session's conflicts for the person, as kind and time in the session's zone (UTC). */
    private List<String> conflicts(String session, String person) {
        Api.Reply reply = api().get("sessions/" + session + "/conflicts?personId=" + person);
        assertEquals(200, reply.status(), reply.body());
        return reply.array().stream().map(v -> v.asJsonObject().getString("kind") + " " + v.asJsonObject().getString("when"))
                .toList();
    }

    private JsonObject streams() {
        Api.Reply reply = api().get("exchange-settings/change-streams");
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }

    private List<Instant> busyStarts(String person) {
        Instant from = DAYS.today().atStartOfDay().toInstant(ZoneOffset.UTC);
        return api().busyStarts(person, from, from.plus(Duration.ofDays(60)));
    }
}
