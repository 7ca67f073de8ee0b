package org.calsync.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.MailRelay;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;
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
 * Emails and calendar events in the recipient's language: a person's own choice, else the organisation's. The
 * invitation arrives in French for a French person, and the headings CalSync writes into a Radicale event are
 * French; a person who follows the organisation gets its language.
 */
@ExtendWith(ArquillianExtension.class)
class LanguagesIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("chloe", "chloe-secret");

    @ArquillianResource
    private URL url;

    private MailRelay smtp;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeEach
    void startMailServer() {
        smtp = MailRelay.start();
    }

    @AfterEach
    void stopMailServer() {
        smtp.close();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    private String person(String name, String languageField) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Reply created = api().post("people", """
                {"email":"%s-%s@northwind.example","displayName":"%s %s","timeZone":"Europe/Paris","roles":["Instructor"]%s}"""
                .formatted(name.toLowerCase(), suffix, name, suffix, languageField));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    private static String text(MimeMessage mail) throws Exception {
        return mail.getContent().toString();
    }

    @Test
    void aFrenchPersonIsInvitedInFrenchAndTheLanguageCanFollowTheOrganisationAgain() throws Exception {
        String claire = person("Claire", ",\"language\":\"fr\"");
        assertEquals("fr", api().get("people/" + claire).object().getString("language"));
        String email = api().get("people/" + claire).object().getString("email");

        assertEquals(200, api().post("invitations", "{\"people\":[\"" + claire + "\"]}").status());
        smtp.newestTextTo(email, 1);
        MimeMessage invitation = smtp.receivedBy(email)[0];
        assertEquals("Connectez votre agenda à Northwind Training", invitation.getSubject());
        assertTrue(text(invitation).startsWith("Bonjour Claire"), text(invitation));
        assertTrue(text(invitation).contains("Le lien fonctionne une fois, jusqu’au "), text(invitation));

        Api.Reply unknown = api().put("people/" + claire, """
                {"email":"%s","displayName":"Claire","timeZone":"Europe/Paris","language":"de"}""".formatted(email));
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("not \\\"de\\\""), unknown.body());

        Api.Reply follows = api().put("people/" + claire, """
                {"email":"%s","displayName":"Claire","timeZone":"Europe/Paris","language":null}""".formatted(email));
        assertEquals(200, follows.status(), follows.body());
        assertTrue(!follows.object().containsKey("language") || follows.object().isNull("language"),
                "no language of her own: " + follows.body());
        assertEquals(200, api().post("invitations", "{\"people\":[\"" + claire + "\"]}").status());
        smtp.newestTextTo(email, 2);
        assertEquals("Connect your calendar to Northwind Training", smtp.receivedBy(email)[1].getSubject(),
                "the organisation's language, English");
    }

    @Test
    void theOrganisationsLanguageIsUsedForPeopleWhoChoseNone() throws Exception {
        String noemie = person("Noemie", "");
        String email = api().get("people/" + noemie).object().getString("email");
        assertEquals(200, api().put("settings", "{\"language\":\"fr\"}").status());
        try {
            assertEquals("fr", api().get("settings").object().getString("language"));
            assertEquals(200, api().post("invitations", "{\"people\":[\"" + noemie + "\"]}").status());
            smtp.newestTextTo(email, 1);
            assertEquals("Connectez votre agenda à Northwind Training", smtp.receivedBy(email)[0].getSubject());
        } finally {
            assertEquals(200, api().put("settings", "{\"language\":\"en\"}").status());
        }
        assertEquals(400, api().put("settings", "{\"language\":\"xx\"}").status());
    }

    @Test
    void theHeadingsCalSyncWritesIntoAnEventAreInTheOwnersLanguage() {
        String chloe = person("Chloe", ",\"language\":\"fr\"");
        URI calendar = RADICALE.createCalendar("chloe", "travail");
        assertEquals(201, api().post("people/" + chloe + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"chloe","password":"chloe-secret"}"""
                .formatted(RADICALE.base())).status());
        LocalDate day = FixtureDates.fromToday().workdayAhead(4);
        String title = "Atelier " + UUID.randomUUID().toString().substring(0, 6);
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/Paris","meetingLink":"https://meet.example.org/atelier"}"""
                .formatted(title, FixtureDates.api(day.atTime(9, 0)), FixtureDates.api(day.atTime(11, 0))))
                .object().getString("id");
        assertEquals(200, api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + chloe + "\"}").status());
        Eventually.await("the session reaches her calendar", Duration.ofSeconds(30),
                () -> RADICALE.eventsContaining("chloe", calendar, title).size() == 1);
        String event = RADICALE.eventsContaining("chloe", calendar, title).get(0).replace("\r\n ", "").replace("\n ", "");
        for (String french : List.of("Rejoindre en ligne", "Détails de la session")) {
            assertTrue(event.contains(french), french + " in " + event);
        }
        assertTrue(!event.contains("Join online") && !event.contains("Session details"), event);
    }
}
