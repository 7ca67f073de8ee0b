package org.calsync.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.calsync.it.support.InvitationEmails.calendarPart;
import static org.calsync.it.support.InvitationEmails.value;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.InvitationEmails;
import org.calsync.it.support.MailRelay;
import org.calsync.it.support.Metrics;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedItem;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions by email for a learner with no linked calendar, read back from GreenMail and parsed with ical4j: an
 * invitation, one update for a burst of edits, a cancellation, all with one UID and a SEQUENCE that increases; and
 * an email that waits out a relay outage instead of being lost; and the move to a linked Radicale calendar that
 * already holds the imported invitations. The server runs with a 2 s quiet period.
 */
@ExtendWith(ArquillianExtension.class)
class InvitationMailIT {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String ORGANISER = "training@northwind.example";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ArquillianResource
    private URL url;

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("lena", "lena-secret");

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator();

    private MailRelay smtp;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeEach
    void emailsOn() {
        smtp = MailRelay.start();
        Api.Reply on = api().put("settings/invitation-mail", """
                {"enabled":true,"sender":"%s","audience":"WITHOUT_LINKED_CALENDAR"}""".formatted(ORGANISER));
        assertEquals(200, on.status(), on.body());
    }

    @AfterEach
    void emailsOff() {
        api().put("settings/invitation-mail", "{\"enabled\":false,\"sender\":\"\"}");
        if (smtp != null) {
            smtp.close();
        }
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    @Test
    void aLearnerWithoutACalendarIsInvitedUpdatedOnceForABurstAndCancelled() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "ines-" + suffix + "@northwind.example";
        String ines = person(email, "Ines " + suffix);
        LocalDate day = FixtureDates.fromToday().workdayAhead(5);
        String title = "Budgeting " + suffix;
        String session = session(title, day, "Room 4");

        assertEquals(200, api().post("sessions/" + session + "/registrations", "{\"personId\":\"" + ines + "\"}").status());
        VEvent invited = calendarPart(awaitMail(email, 1), "REQUEST");
        String uid = value(invited, Property.UID);
        assertEquals(0, Integer.parseInt(value(invited, Property.SEQUENCE)));
        assertEquals(title, value(invited, Property.SUMMARY));
        assertEquals("mailto:" + ORGANISER, value(invited, Property.ORGANIZER));
        String attendee = invited.getProperty(Property.ATTENDEE).orElseThrow().toString();
        assertTrue(attendee.contains("mailto:" + email) && attendee.contains("RSVP=TRUE"), attendee);
        assertEquals("Invitation: " + title, smtp.receivedBy(email)[0].getSubject().split(",")[0]);

        // Five edits in a row, within the quiet period: one update with the final state.
        for (int edit = 1; edit <= 5; edit++) {
            Api.Reply changed = api().put("sessions/" + session, sessionJson(title, day, "Room " + (10 + edit)));
            assertEquals(200, changed.status(), changed.body());
        }
        VEvent updated = calendarPart(awaitMail(email, 2), "REQUEST");
        assertEquals(uid, value(updated, Property.UID));
        assertEquals(1, Integer.parseInt(value(updated, Property.SEQUENCE)));
        assertEquals("Room 15", value(updated, Property.LOCATION));
        Thread.sleep(4_000); // two quiet periods: had the burst made more than one email, it would be here
        assertEquals(2, smtp.receivedBy(email).length, "a burst of five edits makes one email");

        assertEquals(200, api().delete("sessions/" + session + "/registrations/" + ines).status());
        VEvent cancelled = calendarPart(awaitMail(email, 3), "CANCEL");
        assertEquals(uid, value(cancelled, Property.UID));
        assertEquals(2, Integer.parseInt(value(cancelled, Property.SEQUENCE)));
        assertEquals("CANCELLED", value(cancelled, Property.STATUS));
    }

    @Test
    void anEmailWaitsOutARelayOutageAndIsSentOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "omar-" + suffix + "@northwind.example";
        String omar = person(email, "Omar " + suffix);
        String session = session("Negotiation " + suffix, FixtureDates.fromToday().workdayAhead(6), "Room 2");

        smtp.close(); // the relay goes down
        smtp = null;
        assertEquals(200, api().post("sessions/" + session + "/registrations", "{\"personId\":\"" + omar + "\"}").status());
        Eventually.await("the console lists the email as failing", SOON, () -> api().get("push-failures").array()
                .stream().anyMatch(f -> omar.equals(f.asJsonObject().getString("personId"))
                        && "EMAIL".equals(f.asJsonObject().getString("channel"))));
        // IT sees it too: an email waiting, and for how long (the gauges are read at most every 5 s)
        Eventually.await("the metrics show the email waiting", SOON, () -> {
            Metrics now = Metrics.scrape(url);
            return now.value("calsync_outbox_pending", "channel", "EMAIL") >= 1
                    && now.value("calsync_outbox_oldest_age_seconds", "channel", "EMAIL") >= 1;
        });

        smtp = MailRelay.start(); // back up: the outbox's next try sends it
        calendarPart(awaitMail(email, 1), "REQUEST");
        Thread.sleep(3_000);
        assertEquals(1, smtp.receivedBy(email).length, "sent once");
    }

    /**
     * A host platform registers a class list in one request: each learner gets one invitation; the same list sent
     * again changes nothing; a list with an unknown id registers nobody and says which id.
     */
    @Test
    void aClassListInOneRequestGivesEachLearnerOneInvitation() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<String> emails = List.of("ada-" + suffix + "@northwind.example", "ben-" + suffix + "@northwind.example",
                "cleo-" + suffix + "@northwind.example");
        List<String> ids = emails.stream().map(email -> person(email, email.substring(0, email.indexOf('@')))).toList();
        String session = session("Induction " + suffix, FixtureDates.fromToday().workdayAhead(8), "Hall");
        String classList = "{\"personIds\":[\"" + String.join("\",\"", ids) + "\"]}";

        Api.Reply unknown = api().post("sessions/" + session + "/registrations/bulk",
                "{\"personIds\":[\"" + ids.get(0) + "\",\"no-such-person\"]}");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("no-such-person"), unknown.body());
        assertEquals(0, api().get("sessions/" + session).object().getJsonArray("learners").size(), "nobody registered");

        Api.Reply registered = api().post("sessions/" + session + "/registrations/bulk", classList);
        assertEquals(200, registered.status(), registered.body());
        assertEquals(3, registered.object().getJsonArray("learners").size());
        for (String email : emails) {
            calendarPart(awaitMail(email, 1), "REQUEST");
        }
        assertEquals(200, api().post("sessions/" + session + "/registrations/bulk", classList).status(),
                "the same list again is accepted");
        Thread.sleep(4_000); // two quiet periods
        for (String email : emails) {
            assertEquals(1, smtp.receivedBy(email).length, "one invitation for " + email);
        }
    }

    /**
     * A learner imports the invitations into her calendar, then links that calendar: CalSync adopts the imported
     * events (another client chose their names) instead of writing a second copy, sends no email about the move,
     * and writes later changes into them. Her own sessions never count as busy time against her.
     */
    @Test
    void invitationsImportedBeforeLinkingTheCalendarAreAdoptedNotDoubled() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "lena-" + suffix + "@northwind.example";
        String lena = person(email, "Lena " + suffix);
        LocalDate day = FixtureDates.fromToday().workdayAhead(7);
        String budgeting = session("Budgeting " + suffix, day, "Room 4");
        String payroll = session("Payroll " + suffix, day.plusDays(1), "Room 5");
        URI calendar = RADICALE.createCalendar("lena", "work-" + suffix);
        Map<String, String> importedAt = new LinkedHashMap<>(); // UID -> where her mail client put it
        for (String session : List.of(budgeting, payroll)) {
            assertEquals(200, api().post("sessions/" + session + "/registrations", "{\"personId\":\"" + lena + "\"}")
                    .status());
            MimeMessage invitation = awaitMail(email, importedAt.size() + 1);
            String uid = value(calendarPart(invitation, "REQUEST"), Property.UID);
            URI resource = calendar.resolve(UUID.randomUUID() + ".ics");
            assertEquals(201, RADICALE.putEvent("lena", resource, acceptedAsStored(invitation)).statusCode());
            importedAt.put(uid, resource.toString());
        }

        Api.Reply linked = api().post("people/" + lena + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"lena","password":"lena-secret"}"""
                .formatted(RADICALE.base()));
        assertEquals(201, linked.status(), linked.body());
        Api.Reply moved = api().put("sessions/" + budgeting, sessionJson("Budgeting " + suffix, day, "Room 9"));
        assertEquals(200, moved.status(), moved.body());

        Eventually.await("the change reaches the imported event", SOON,
                () -> RADICALE.eventsContaining("lena", calendar, "LOCATION:Room 9").size() == 1);
        assertEquals(Set.copyOf(importedAt.values()), Set.copyOf(RADICALE.hrefs("lena", calendar)),
                "one event per session, where her client put it");
        for (String uid : importedAt.keySet()) {
            assertEquals(1, RADICALE.eventsContaining("lena", calendar, "UID:" + uid).size(), uid);
        }
        String budgetingUid = importedAt.keySet().iterator().next();
        assertTrue(RADICALE.eventsContaining("lena", calendar, "LOCATION:Room 9").get(0).contains("UID:" + budgetingUid),
                "the change went into the imported event of that session");
        assertTrue(api().get("people/" + lena + "/busy?from=" + day + "T00:00:00Z&to=" + day.plusDays(2)
                + "T00:00:00Z").array().isEmpty(), "her own sessions are not busy time against her");
        assertTrue(api().get("push-failures").array().stream()
                .noneMatch(f -> lena.equals(f.asJsonObject().getString("personId"))), "no push failed");
        Thread.sleep(4_000); // two quiet periods: a cancellation or an update by email would be here
        assertEquals(2, smtp.receivedBy(email).length, "the calendar took over from email without a word");
    }

    @Test
    void invitationsExchangeAddedBeforeLinkingAreTakenOverNotDoubled() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "nora-" + suffix + "@northwind.example";
        EWS.withUser("nora-" + suffix, "nora-secret", email);
        String nora = person(email, "Nora " + suffix);
        LocalDate day = FixtureDates.fromToday().workdayAhead(8);
        String budgeting = session("Budgeting " + suffix, day, "Room 4");
        String payroll = session("Payroll " + suffix, day.plusDays(1), "Room 5");
        Map<String, SimulatedItem> addedByExchange = new LinkedHashMap<>(); // UID -> the meeting Exchange made of it
        for (String session : List.of(budgeting, payroll)) {
            assertEquals(200, api().post("sessions/" + session + "/registrations", "{\"personId\":\"" + nora + "\"}")
                    .status());
            VEvent invited = calendarPart(awaitMail(email, addedByExchange.size() + 1), "REQUEST");
            String uid = value(invited, Property.UID);
            LocalDate sessionDay = day.plusDays(addedByExchange.size());
            addedByExchange.put(uid, EWS.mailbox(email).receiveInvitation(uid, value(invited, Property.SUMMARY),
                    sessionDay.atTime(9, 0).atZone(LONDON).toInstant(), sessionDay.atTime(12, 0).atZone(LONDON).toInstant()));
        }

        Api.Reply perUser = api().put("exchange-settings", """
                {"ewsUrl":"%s","serverVersion":"EXCHANGE_2016","authMode":"PER_USER","authScheme":"NTLM"}"""
                .formatted(EWS.url()));
        assertEquals(200, perUser.status(), perUser.body());
        Api.Reply linked = api().post("people/" + nora + "/calendar-accounts", """
                {"provider":"EXCHANGE","username":"NORTHWIND\\\\nora-%s","password":"nora-secret"}""".formatted(suffix));
        assertEquals(201, linked.status(), linked.body());
        Api.Reply moved = api().put("sessions/" + budgeting, sessionJson("Budgeting " + suffix, day, "Room 9"));
        assertEquals(200, moved.status(), moved.body());

        String budgetingMeeting = addedByExchange.values().iterator().next().id();
        Eventually.await("the change reaches the meeting Exchange made", SOON,
                () -> "Room 9".equals(EWS.mailbox(email).find(budgetingMeeting).orElseThrow().location()));
        Eventually.await("both meetings are CalSync's", SOON, () -> addedByExchange.values().stream()
                .allMatch(item -> !EWS.mailbox(email).find(item.id()).orElseThrow().extendedProperties().isEmpty()));
        assertEquals(2, EWS.mailbox(email).items().size(), "one appointment per session");
        assertTrue(api().get("push-failures").array().stream()
                .noneMatch(f -> nora.equals(f.asJsonObject().getString("personId"))), "no push failed");
        assertEquals(List.of(), EWS.takeViolations(), "every request to Exchange follows its schema");
        Thread.sleep(4_000); // two quiet periods: a cancellation or an update by email would be here
        assertEquals(2, smtp.receivedBy(email).length, "the calendar took over from email without a word");
    }

    /**
     * The invitation as a mail client stores it once accepted: the calendar of the email without its METHOD (a
     * stored calendar object has none, RFC 4791) and with her answer in PARTSTAT.
     */
    private static String acceptedAsStored(MimeMessage invitation) throws Exception {
        return InvitationEmails.calendarText(invitation).replace("\r\n ", "").replace("METHOD:REQUEST\r\n", "")
                .replace("PARTSTAT=NEEDS-ACTION", "PARTSTAT=ACCEPTED");
    }

    private String person(String email, String name) {
        Api.Reply created = api().post("people", """
                {"email":"%s","displayName":"%s","timeZone":"Europe/London","roles":["Learner"]}""".formatted(email, name));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    private String session(String title, LocalDate day, String venue) {
        Api.Reply created = api().post("sessions", sessionJson(title, day, venue));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    private static String sessionJson(String title, LocalDate day, String venue) {
        return """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"%s"}"""
                .formatted(title, FixtureDates.api(day.atTime(9, 0)), FixtureDates.api(day.atTime(12, 0)), venue);
    }

    private MimeMessage awaitMail(String email, int count) {
        Eventually.await(count + " emails to " + email, SOON, () -> smtp.receivedBy(email).length >= count);
        MimeMessage[] received = smtp.receivedBy(email);
        assertEquals(count, received.length, "no email more than expected");
        return received[count - 1];
    }
}
