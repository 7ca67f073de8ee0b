package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.PeoplePage;
import org.calsync.it.ui.pages.SessionEditorPage;
import org.calsync.testsupport.FixtureDates;
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
 * Conflicts when assigning an instructor: an event another client put in her Radicale calendar (with a
 * hostile title) and her other session show up, in the session's local time; assigning still works, with a
 * warning; the title is shown as text, never run.
 */
@ExtendWith(ArquillianExtension.class)
class AssignmentConflictsUiIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String HOSTILE = "<script>window.pwned=1</script>Dentist";

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("rosa", "rosa-secret");

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    /** A wall-clock time in Paris, the session's zone, as another client writes it in UTC. */
    private static String utc(LocalDateTime paris) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(paris.atZone(PARIS).withZoneSameInstant(ZoneOffset.UTC));
    }

    private String session(String title, LocalDateTime start, LocalDateTime end) {
        Api.Reply created = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/Paris","venue":"Room 3"}"""
                .formatted(title, FixtureDates.api(start), FixtureDates.api(end)));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    @Test
    void busyTimesAndOtherSessionsShowWhenAssigningAndTheAdminMayStillAssign() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "Rosa Lopez " + suffix;
        LocalDate day = FixtureDates.fromToday().workdayAhead(2);
        String rosa = api().createInstructor("rosa-" + suffix + "@northwind.example", name, "Europe/Paris");
        URI calendar = RADICALE.createCalendar("rosa", "work");
        Api.Reply linked = api().post("people/" + rosa + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"rosa","password":"rosa-secret"}""".formatted(RADICALE.base()));
        assertEquals(201, linked.status(), linked.body());
        RADICALE.putEvent("rosa", calendar.resolve("dentist-" + suffix + ".ics"), """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Other client//EN\r
                BEGIN:VEVENT\r
                UID:dentist-%s\r
                DTSTAMP:20261101T120000Z\r
                DTSTART:%s\r
                DTEND:%s\r
                SUMMARY:%s\r
                END:VEVENT\r
                END:VCALENDAR\r
                """.formatted(suffix, utc(day.atTime(10, 30)), utc(day.atTime(11, 30)), HOSTILE));
        assertEquals(200, api().post("people/" + rosa + "/sync", "").status());

        String workshop = session("Budgeting " + suffix, day.atTime(10, 0), day.atTime(12, 0));
        String other = session("Payroll " + suffix, day.atTime(11, 30), day.atTime(13, 0));
        assertEquals(200, api().post("sessions/" + other + "/instructors", "{\"personId\":\"" + rosa + "\"}").status());

        List<JsonObject> conflicts = api().get("sessions/" + workshop + "/conflicts?personId=" + rosa).array().stream()
                .map(v -> v.asJsonObject()).toList();
        assertEquals(2, conflicts.size(), conflicts.toString());
        assertEquals("CALENDAR", conflicts.get(0).getString("kind"));
        assertEquals("10:30–11:30", conflicts.get(0).getString("when"), "in the session's zone, Paris");
        assertEquals(HOSTILE, conflicts.get(0).getString("title"));
        assertEquals("SESSION", conflicts.get(1).getString("kind"));
        assertEquals("Payroll " + suffix, conflicts.get(1).getString("title"));
        assertEquals(400, api().get("sessions/" + workshop + "/conflicts").status(), "whose conflicts must be said");

        Browser.requireOrSkip();
        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            SessionEditorPage page = SessionEditorPage.open(admin, workshop).assignInstructor(name);
            page.expectMessage(name + " is assigned, but is busy then: 10:30–11:30 " + HOSTILE);
            assertTrue(page.instructorsText().contains("2 conflicts"), page.instructorsText());
            String listed = page.conflictsOf(name);
            assertTrue(listed.contains(HOSTILE), "the title is shown as text: " + listed);
            assertTrue(listed.contains("Payroll " + suffix), listed);
            assertFalse(Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) admin.driver())
                    .executeScript("return window.pwned === 1;")), "the title's script never ran");
            admin.screenshot("console-assignment-conflicts");
            assertTrue(admin.driver().findElement(By.id("sessionForm:instructors")).getText().contains(name));

            // Sync now for her from People: the progress bar runs to the end and gives way to what was found.
            PeoplePage people = new PeoplePage(admin).selectOnly(suffix, "rosa-" + suffix + "@northwind.example");
            assertTrue(people.rowOf("rosa-" + suffix + "@northwind.example").contains("Connected"),
                    "People shows her calendar's status: " + people.rowOf("rosa-" + suffix + "@northwind.example"));
            people.syncNow();
            admin.waitFor(By.id("peopleForm:syncProgress"));
            admin.waitForText(By.id("messages"), "Synced 1 of 1 calendar for one person (Synced: 1)");
            admin.waitForText(By.id("peopleForm:syncSummary"), "Synced 1 of 1 calendar for one person (Synced: 1)");
            assertTrue(admin.driver().findElements(By.id("peopleForm:syncProgress")).isEmpty(), "the bar is gone");
            admin.screenshot("console-sync-now-progress");

            // Sync now for someone with no calendar linked says so, instead of counting nothing.
            String noor = "noor-" + suffix + "@northwind.example";
            api().createInstructor(noor, "Noor " + suffix, "Europe/Paris");
            new PeoplePage(admin).selectOnly("Noor " + suffix, noor).syncNow();
            admin.waitForText(By.id("peopleForm:syncSummary"), "This person has no calendar linked, so there was nothing "
                    + "to sync. “Invite to connect a calendar” asks them to link one.");
            admin.waitForText(By.id("messages"), "This person has no calendar linked");
            admin.screenshot("console-sync-now-nothing-linked");
            admin.resize(390, 844);
            assertEquals(List.of(), admin.layoutProblems(By.id("peopleForm:syncSummary"), By.id("peopleForm:syncNow")),
                    "the summary fits a phone");
            admin.screenshot("console-sync-now-nothing-linked-phone");
        }

        // The same in French, then on a phone (the table's filters, in its header, are for wider screens).
        try (Browser french = new Browser(url.toString(), "fr-FR")) {
            new LoginPage(french).signInAs("admin@northwind.example", "calsync-demo");
            new PeoplePage(french).selectOnly("Noor " + suffix, "noor-" + suffix + "@northwind.example").syncNow();
            french.waitForText(By.id("peopleForm:syncSummary"), "Cette personne n’a lié aucun agenda, il n’y avait donc "
                    + "rien à synchroniser. « Inviter à connecter un agenda » lui demande d’en lier un.");
            french.resize(390, 844);
            assertEquals(List.of(), french.layoutProblems(By.id("peopleForm:syncSummary"), By.id("peopleForm:syncNow")));
            french.screenshot("console-sync-now-nothing-linked-phone-fr");
        }

        // The same through the API, with its progress counted in calendars.
        Api.Reply started = api().post("sync-jobs?personId=" + rosa, "");
        assertEquals(202, started.status(), started.body());
        long execution = started.object().getJsonNumber("executionId").longValue();
        org.calsync.testsupport.Eventually.await("the job finishes", java.time.Duration.ofSeconds(30),
                () -> api().get("sync-jobs/" + execution).object().getString("status").equals("COMPLETED"));
        JsonObject done = api().get("sync-jobs/" + execution).object();
        assertEquals(1, done.getInt("calendarsDone"), done.toString());
        assertEquals(1, done.getInt("calendarsTotal"), done.toString());
    }
}
