package org.calsync.it.api;

import static org.calsync.it.support.InvitationEmails.calendarPart;
import static org.calsync.it.support.InvitationEmails.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.model.Property;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.MailRelay;
import org.calsync.it.support.OrganiserMailbox;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Answers to invitations, end to end: CalSync emails invitations through GreenMail's SMTP, people's mail clients
 * reply to the organiser mailbox on GreenMail's IMAP, and CalSync reads it. Accepted, tentative and declined replies
 * are recorded on the session; a learner's decline unregisters them (the organisation chose so) and an instructor's
 * alerts an admin; a forged reply changes nothing; a person's own email stays in the inbox; replies read are moved to
 * the processed folder and never read twice.
 */
@ExtendWith(ArquillianExtension.class)
class RepliesIT {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String ORGANISER = "replies@northwind.example";

    @ArquillianResource
    private URL url;

    private MailRelay smtp;
    private OrganiserMailbox mailbox;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeEach
    void invitationsAndRepliesOn() {
        smtp = MailRelay.start();
        mailbox = OrganiserMailbox.start(ORGANISER);
        Api.Reply on = api().put("settings/invitation-mail", """
                {"enabled":true,"sender":"%s","audience":"WITHOUT_LINKED_CALENDAR","declineUnregisters":true}"""
                .formatted(ORGANISER));
        assertEquals(200, on.status(), on.body());
        Api.Reply reading = api().put("settings/reply-mailbox", """
                {"enabled":true,"host":"127.0.0.1","port":%d,"security":"NONE","username":"%s","password":"%s"}"""
                .formatted(mailbox.port(), ORGANISER, OrganiserMailbox.PASSWORD));
        assertEquals(200, reading.status(), reading.body());
        assertTrue(reading.object().getBoolean("hasPassword"));
        assertFalse(reading.body().contains(OrganiserMailbox.PASSWORD), "the password is never shown");
    }

    @AfterEach
    void off() {
        api().put("settings/reply-mailbox", "{\"enabled\":false}");
        api().put("settings/invitation-mail", "{\"enabled\":false,\"sender\":\"\",\"declineUnregisters\":false}");
        if (smtp != null) {
            smtp.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    @Test
    void repliesAreRecordedDeclinesFollowTheRulesAndForgeriesChangeNothing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String title = "Coaching skills " + suffix;
        LocalDate day = FixtureDates.fromToday().workdayAhead(8);
        String session = created(api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"Room 7"}"""
                .formatted(title, FixtureDates.api(day.atTime(9, 0)), FixtureDates.api(day.atTime(12, 0)))));
        String instructorEmail = "ivo-" + suffix + "@northwind.example";
        String instructor = api().createInstructor(instructorEmail, "Ivo " + suffix, "Europe/London");
        assertEquals(200, api().post("sessions/" + session + "/instructors", personJson(instructor)).status());
        String ana = learner("ana-" + suffix), ben = learner("ben-" + suffix), cleo = learner("cleo-" + suffix),
                dan = learner("dan-" + suffix);
        for (String learner : new String[] {ana, ben, cleo, dan}) {
            assertEquals(200, api().post("sessions/" + session + "/registrations", personJson(learner)).status());
        }

        mailbox.reply(email("ana", suffix), email("ana", suffix), invitedUid(email("ana", suffix)), "ACCEPTED", title);
        mailbox.reply(email("ben", suffix), email("ben", suffix), invitedUid(email("ben", suffix)), "TENTATIVE", title);
        mailbox.reply(email("cleo", suffix), email("cleo", suffix), invitedUid(email("cleo", suffix)), "DECLINED", title);
        mailbox.reply(instructorEmail, instructorEmail, invitedUid(instructorEmail), "DECLINED", title);
        // Someone else answers for Dan: the sender is not the attendee.
        mailbox.reply("mallory-" + suffix + "@example.com", email("dan", suffix), invitedUid(email("dan", suffix)),
                "DECLINED", title);
        mailbox.note(email("ben", suffix), "About " + title);

        JsonObject read = readNow();
        assertEquals(4, read.getInt("recorded"), read.toString());
        assertEquals(1, read.getInt("refused"), "the forged reply is refused");

        JsonObject after = api().get("sessions/" + session).object();
        assertEquals("ACCEPTED", responseOf(after, "learners", ana).getString("response"));
        assertEquals("EMAIL", responseOf(after, "learners", ana).getString("respondedVia"));
        assertNotNull(responseOf(after, "learners", ana).getString("respondedAt"));
        assertEquals("TENTATIVE", responseOf(after, "learners", ben).getString("response"));
        assertEquals("NO_ANSWER", responseOf(after, "learners", dan).getString("response"), "the forgery changed nothing");
        assertTrue(after.getJsonArray("learners").stream().noneMatch(l -> cleo.equals(l.asJsonObject().getString("id"))),
                "Cleo declined before the deadline, and declines unregister");
        assertEquals("DECLINED", responseOf(after, "instructors", instructor).getString("response"));
        JsonObject counts = after.getJsonObject("responses");
        assertEquals(1, counts.getInt("accepted"), "the learners' answers: Ana");
        assertEquals(1, counts.getInt("tentative"), "Ben");
        assertEquals(0, counts.getInt("declined"), "Cleo declined and left");
        assertEquals(1, counts.getInt("noAnswer"), "Dan");
        assertTrue(api().get("alerts").array().stream().map(a -> a.asJsonObject())
                .anyMatch(a -> "INSTRUCTOR_DECLINED".equals(a.getString("kind")) && session.equals(a.getString("sessionId"))
                        && instructor.equals(a.getString("personId"))), "an instructor's decline alerts the admins");
        assertEquals("CANCELLED", value(calendarPart(awaitMail(email("cleo", suffix), 2), "CANCEL"), Property.STATUS),
                "Cleo's mailbox gets the cancellation");

        assertEquals(1, mailbox.count("INBOX"), "Ben's own email stays for people to read");
        assertEquals(5, mailbox.count("Processed"), "every reply is moved aside once read");
        JsonObject again = readNow();
        assertEquals(0, again.getInt("recorded") + again.getInt("refused"), "nothing is read twice");

        // The host platform answers for Dan; an answer for someone who left is refused.
        Api.Reply answered = api().put("sessions/" + session + "/responses/" + dan, "{\"response\":\"ACCEPTED\"}");
        assertEquals(200, answered.status(), answered.body());
        assertEquals("API", responseOf(answered.object(), "learners", dan).getString("respondedVia"));
        assertEquals(400, api().put("sessions/" + session + "/responses/" + cleo, "{\"response\":\"ACCEPTED\"}").status());
    }

    @Test
    void aMailboxThatRefusesTheSignInSaysWhy() {
        assertEquals(200, api().put("settings/reply-mailbox", "{\"password\":\"wrong\"}").status());
        JsonObject read = readNow();
        assertTrue(read.containsKey("problem") && !read.isNull("problem"), read.toString());
        JsonObject shown = api().get("settings/reply-mailbox").object();
        assertFalse(shown.isNull("lastProblem"), "the console shows why replies are not read: " + shown);
    }

    private JsonObject readNow() {
        Api.Reply read = api().post("settings/reply-mailbox/read", "{}");
        assertEquals(200, read.status(), read.body());
        return read.object();
    }

    /** The UID of the invitation emailed to this address, as their mail client keeps it. */
    private String invitedUid(String email) throws Exception {
        return value(calendarPart(awaitMail(email, 1), "REQUEST"), Property.UID);
    }

    private MimeMessage awaitMail(String email, int count) {
        Eventually.await(count + " emails to " + email, SOON, () -> smtp.receivedBy(email).length >= count);
        return smtp.receivedBy(email)[count - 1];
    }

    private static JsonObject responseOf(JsonObject session, String list, String personId) {
        return session.getJsonArray(list).stream().map(p -> p.asJsonObject())
                .filter(p -> personId.equals(p.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(personId + " not in " + list + ": " + session));
    }

    private String learner(String name) {
        return created(api().post("people", """
                {"email":"%s@northwind.example","displayName":"%s","timeZone":"Europe/London","roles":["Learner"]}"""
                .formatted(name, name)));
    }

    private static String email(String name, String suffix) {
        return name + "-" + suffix + "@northwind.example";
    }

    private static String personJson(String id) {
        return "{\"personId\":\"" + id + "\"}";
    }

    private static String created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.body());
        return reply.object().getString("id");
    }
}
