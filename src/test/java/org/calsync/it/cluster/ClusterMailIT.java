package org.calsync.it.cluster;

import static org.calsync.it.support.InvitationEmails.calendarPart;
import static org.calsync.it.support.InvitationEmails.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.model.Property;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OrganiserMailbox;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Invitation emails and their replies on two real CalSync instances sharing PostgreSQL, with GreenMail as the relay
 * and the organiser's IMAP server: both instances reading the reply mailbox at the same moment record each reply once
 * and move it once; an instance killed with kill -9 in the middle of a registration burst loses no invitation, and
 * each learner's mailbox holds one invitation (any copy resent after the kill is the same message, same Message-ID).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterMailIT {

    private static final String ORGANISER = "training@northwind.example";
    private static final int LEARNERS = 40;
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final ClusterDatabase DATABASE = new ClusterDatabase("calsync_cluster_mail");
    private static final FixtureDates DAYS = FixtureDates.fromToday();

    private static GreenMail relay;
    private static OrganiserMailbox mailbox;
    private static CalSyncCluster cluster;

    @BeforeAll
    static void startTwoInstancesWithARelayAndAMailbox() throws Exception {
        assumeTrue(CalSyncDeployment.onPostgres(), "the cluster needs the PostgreSQL run");
        DATABASE.empty();
        int smtpPort = CalSyncCluster.freePort();
        relay = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        mailbox = OrganiserMailbox.start(ORGANISER);
        cluster = CalSyncCluster.start(2, DATABASE.schema(), Map.of("CALSYNC_DEMO_DATA", "true",
                "CALSYNC_DEMO_INVITATION_MAIL", "false", "CALSYNC_MAIL_HOST", "127.0.0.1",
                "CALSYNC_MAIL_PORT", String.valueOf(smtpPort), "CALSYNC_INVITATION_MAIL_QUIET_PERIOD", "PT1S"));
        List<CalSyncCluster.Instance> notReady = cluster.awaitReady(Duration.ofMinutes(4));
        assertTrue(notReady.isEmpty(), () -> notReady.stream().map(CalSyncCluster.Instance::logTail)
                .collect(Collectors.joining("\n\n")));
        assertEquals(200, api(0).put("settings/invitation-mail", """
                {"enabled":true,"sender":"%s","audience":"WITHOUT_LINKED_CALENDAR"}""".formatted(ORGANISER)).status());
        Api.Reply reading = api(0).put("settings/reply-mailbox", """
                {"enabled":true,"host":"127.0.0.1","port":%d,"security":"NONE","username":"%s","password":"%s"}"""
                .formatted(mailbox.port(), ORGANISER, OrganiserMailbox.PASSWORD));
        assertEquals(200, reading.status(), reading.body());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    @Order(1)
    void bothInstancesReadingTheRepliesAtOnceRecordAndMoveEachOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String session = session("Replies " + suffix, DAYS.workdayAhead(12).atTime(10, 0));
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            String email = "reply-" + i + "-" + suffix + "@northwind.example";
            String learner = learner(email);
            assertEquals(200, api(i).post("sessions/" + session + "/registrations", personJson(learner)).status());
            emails.add(email);
        }
        for (String email : emails) {
            mailbox.reply(email, email, value(calendarPart(awaitInvitation(email), "REQUEST"), Property.UID), "ACCEPTED",
                    "Replies " + suffix);
        }

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService both = Executors.newFixedThreadPool(2);
        List<JsonObject> reads = new ArrayList<>();
        try {
            List<Future<Api.Reply>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int instance = i;
                answers.add(both.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return api(instance).post("settings/reply-mailbox/read", "{}");
                }));
            }
            for (Future<Api.Reply> answer : answers) {
                Api.Reply read = answer.get(120, TimeUnit.SECONDS);
                assertEquals(200, read.status(), read.body());
                reads.add(read.object());
            }
        } finally {
            both.shutdownNow();
        }
        System.out.println("Reply reads on both instances at once: " + reads);
        // The lease holder's minute read may fall in the same moment and take some replies: three readers then,
        // and the mailbox and the responses below say whether each reply was still recorded and moved once.
        int recorded = reads.stream().mapToInt(r -> r.getInt("recorded")).sum();
        assertTrue(recorded <= LEARNERS, "no reply recorded twice by the two reads: " + reads);
        assertEquals(0, reads.stream().mapToInt(r -> r.getInt("refused")).sum());
        assertEquals(LEARNERS, mailbox.count("Processed"), "each reply moved once, never copied twice");
        assertEquals(0, mailbox.count("INBOX"));
        assertEquals(LEARNERS, api(1).get("sessions/" + session).object().getJsonObject("responses").getInt("accepted"));
    }

    @Test
    @Order(2)
    void killingAnInstanceInTheMiddleOfARegistrationBurstLosesNoInvitationAndSendsNoSecondOne() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String session = session("Burst by email " + suffix, DAYS.workdayAhead(14).atTime(14, 0));
        List<String> learners = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < LEARNERS * 2; i++) {
            String email = "burst-" + i + "-" + suffix + "@northwind.example";
            learners.add(learner(email));
            emails.add(email);
        }
        AtomicInteger answered = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < learners.size(); i++) {
                int turn = i;
                sent.add(senders.submit(() -> {
                    cluster.postToAnyInstance(turn, "sessions/" + session + "/registrations", personJson(learners.get(turn)));
                    answered.incrementAndGet();
                    return null;
                }));
            }
            Eventually.await("a third of the burst is in", SETTLE, () -> answered.get() >= learners.size() / 3);
            cluster.instances().get(0).kill();
            for (Future<?> one : sent) {
                one.get(120, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        String registered = api(1).get("sessions/" + session).body();
        List<String> invited = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            if (registered.contains(learners.get(i))) {
                invited.add(emails.get(i));
            }
        }
        assertEquals(learners.size(), invited.size(), "every registration was taken by one instance or the other");
        Eventually.await("every registered learner has their invitation", SETTLE,
                () -> invited.stream().allMatch(email -> relay.getReceivedMessagesForDomain(email).length >= 1));
        // An entry the killed instance had claimed stays pending until a survivor's sweep takes it over and sends it
        // again (the relay may already hold it): wait for that, so that such a copy is counted below.
        Eventually.await("no email is left waiting", SETTLE, ClusterMailIT::noEmailWaiting);
        Thread.sleep(3_000); // three quiet periods: a second invitation would be here by now
        int copies = 0;
        for (String email : invited) {
            MimeMessage[] received = relay.getReceivedMessagesForDomain(email);
            Set<String> distinct = distinctMessageIds(received);
            assertEquals(1, distinct.size(), email + " got one invitation, not " + distinct);
            copies += received.length - 1;
        }
        System.out.printf("Kill -9 during a burst of %d registrations by email: %d invitations, %d resent copies "
                + "with the same Message-ID%n", learners.size(), invited.size(), copies);
        // A copy can only come from an instance killed between the relay's answer and its own commit; it carries the
        // same Message-ID, UID and SEQUENCE, so the mailbox and the calendar treat it as the one invitation.
        assertEquals(0, DATABASE.count("SELECT COUNT(*) FROM outbox_entry WHERE state = 'PENDING'"),
                "no email is left waiting");
    }

    private static boolean noEmailWaiting() {
        try {
            return DATABASE.count("SELECT COUNT(*) FROM outbox_entry WHERE state = 'PENDING'") == 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> distinctMessageIds(MimeMessage[] received) throws MessagingException {
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : received) {
            ids.add(message.getMessageID());
        }
        return ids;
    }

    private static MimeMessage awaitInvitation(String email) {
        Eventually.await("the invitation to " + email, SETTLE, () -> relay.getReceivedMessagesForDomain(email).length >= 1);
        return relay.getReceivedMessagesForDomain(email)[0];
    }

    private static String session(String title, LocalDateTime start) {
        Api.Reply created = api(0).post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London"}"""
                .formatted(title, FixtureDates.api(start), FixtureDates.api(start.plusHours(2))));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    private static String learner(String email) {
        Api.Reply created = api(1).post("people", """
                {"email":"%s","displayName":"%s","timeZone":"Europe/London","roles":["Learner"]}"""
                .formatted(email, email.substring(0, email.indexOf('@'))));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    private static String personJson(String id) {
        return "{\"personId\":\"" + id + "\"}";
    }

    private static Api api(int turn) {
        return cluster.api(turn);
    }
}
