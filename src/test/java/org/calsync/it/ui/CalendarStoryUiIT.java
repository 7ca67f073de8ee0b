package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OtherClient;
import org.calsync.it.support.MailRelay;
import org.calsync.it.ui.pages.AssistantPage;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.MyCalendarsPage;
import org.calsync.it.ui.pages.PeoplePage;
import org.calsync.it.ui.pages.PortalPage;
import org.calsync.it.ui.pages.SessionEditorPage;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.RadicaleServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The whole story in one browser test, with GreenMail as the mail relay and Radicale as the calendar server:
 * an admin invites an instructor; she links her Radicale calendar and keeps it fully private; she is assigned a
 * session, which reaches Radicale; an event another client puts there comes back after "sync now" (the bar
 * reaching 100%), as a conflict on her next assignment, as a block in the scheduling assistant and on her
 * own portal calendar; her sync log explains a refused password in plain words; the admin removes her
 * calendar and Radicale holds none of CalSync's events.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarStoryUiIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("chloe", "chloe-secret");

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    private String session(String title, LocalDate day, String from, String to) {
        Api.Reply created = api().post("sessions", """
                {"courseTitle":"%s","start":"%sT%s","end":"%sT%s","timeZone":"Europe/Paris","venue":"Room 2"}"""
                .formatted(title, day, from, day, to));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    @Test
    void inviteLinkAssignSyncPlanAndRemove() throws Exception {
        Browser.requireOrSkip();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "chloe-" + suffix + "@northwind.example";
        String name = "Chloe Garnier " + suffix;
        String chloe = api().createInstructor(email, name, "Europe/Paris");
        URI calendar = RADICALE.createCalendar("chloe", "work");
        LocalDate tuesday = LocalDate.now(PARIS).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        String induction = session("Induction " + suffix, tuesday, "09:00", "10:00");
        String firstAid = session("First aid " + suffix, tuesday, "14:00", "16:00");

        try (MailRelay mail = MailRelay.start(); Browser admin = new Browser(url.toString())) {
            // 1. The admin invites her; the email arrives.
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            new PeoplePage(admin).selectOnly(suffix, email).invite();
            admin.waitForText(By.id("messages"), "Invitation sent to " + email + ".");
            String link = mail.invitationLinkSentTo(email, 1);

            // 2. She opens the link, chooses a password, links Radicale and keeps it fully private.
            try (Browser instructor = new Browser(url.toString())) {
                instructor.open(link);
                instructor.waitForText(By.id("welcome"), "Hello " + name);
                instructor.driver().findElement(By.id("invitationForm:password")).sendKeys("chloe-chooses-this");
                instructor.driver().findElement(By.id("invitationForm:repeatedPassword")).sendKeys("chloe-chooses-this");
                instructor.driver().findElement(By.id("invitationForm:accept")).click();
                instructor.waitForUrl("portal/calendars.xhtml");
                new MyCalendarsPage(instructor).linkCalDav(RADICALE.base().toString(), "chloe", "chloe-secret")
                        .choosePrivacy("Full private");
            }

            // 3. The admin assigns her; the session reaches Radicale.
            SessionEditorPage.open(admin, induction).assignInstructor(name);
            Eventually.await("the induction reaches her Radicale calendar", Duration.ofSeconds(30),
                    () -> !RADICALE.eventsContaining("chloe", calendar, "Induction " + suffix).isEmpty());

            // 4. Another client adds a doctor's appointment; "sync now" brings it back and says what it found.
            RADICALE.putEvent("chloe", calendar.resolve("doctor-" + suffix + ".ics"),
                    OtherClient.event("doctor-" + suffix, tuesday, 15, 16, PARIS, "Doctor " + suffix));
            new PeoplePage(admin).selectOnly(suffix, email).syncNow();
            admin.waitForText(By.id("messages"), "Synced 1 of 1 calendar for one person");
            admin.waitForText(By.id("peopleForm:syncSummary"), "Synced 1 of 1 calendar for one person");

            // ... as a conflict when she is assigned to first aid, titled only "Busy": her calendar is fully private.
            SessionEditorPage firstAidPage = SessionEditorPage.open(admin, firstAid).assignInstructor(name)
                    .expectMessage(name + " is assigned, but is busy then: 15:00–16:00 Busy");
            String conflicts = firstAidPage.conflictsOf(name);
            assertTrue(conflicts.contains("Busy") && !conflicts.contains("Doctor"), conflicts);

            // ... and as a shaded block in the scheduling assistant.
            AssistantPage assistant = AssistantPage.open(admin).find(List.of(chloe), tuesday, tuesday, "Europe/Paris");
            assertTrue(assistant.busyBlocks().contains("Busy"), assistant.busyBlocks().toString());
            assertTrue(assistant.busyBlocks().contains("First aid " + suffix), assistant.busyBlocks().toString());
            assertFalse(assistant.rankedTimes().get(0).contains("14:00"), assistant.rankedTimes().toString());
        }

        // Her own portal calendar shows the appointment as Busy (fully private keeps only times), and its source.
        try (Browser instructor = new Browser(url.toString())) {
            new LoginPage(instructor).signInAs(email, "chloe-chooses-this");
            PortalPage portal = new PortalPage(instructor, tuesday);
            assertTrue(portal.eventTitleContaining("Induction " + suffix).contains("Induction"));
            String tooltip = portal.tooltipOf("Busy");
            assertTrue(tooltip.contains("From your CalDAV server calendar “chloe/work”"), tooltip);
            instructor.screenshot("portal-my-calendar");
        }

        // 5. Her sync log says in plain words what happened, also when her server stops accepting the password;
        //    then the admin removes her calendar from there.
        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            new PeoplePage(admin).selectOnly(suffix, email);
            admin.waitFor(By.xpath("//tr[contains(., '" + email + "')]//a[text()='Sync log']")).click();
            admin.waitForText(By.id("logForm"), "Read without problems.");
            RADICALE.changePassword("chloe", "changed-elsewhere");
            admin.driver().findElement(By.id("logForm:syncNow")).click();
            admin.waitForText(By.id("logForm"), "no longer accepts CalSync's sign-in");
            admin.screenshot("console-person-sync-log");
            RADICALE.changePassword("chloe", "chloe-secret");
            admin.waitFor(By.xpath("//button[.//span[text()='Remove calendar']]")).click();
            admin.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
            admin.waitForText(By.id("messages"), "CalSync had written");
            admin.waitForText(By.id("logForm"), "has linked no calendar");
        }
        Eventually.await("CalSync's events are gone from Radicale", Duration.ofSeconds(30),
                () -> RADICALE.events("chloe", calendar).size() == 1);
        assertTrue(RADICALE.eventsContaining("chloe", calendar, "Doctor " + suffix).size() == 1,
                "the other client's event stays");
        assertTrue(api().get("people/" + chloe + "/calendar-accounts").array().isEmpty(), "the account is gone");
    }
}
