package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.PortalPage;
import org.calsync.it.ui.pages.SessionEditorPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In headless Chromium: an admin signs in, creates a session, assigns an instructor, and the instructor
 * sees it in the portal calendar. Screenshots go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class AdminSchedulesInstructorUiIT {

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeAll
    static void needsChromium() {
        Browser.requireOrSkip();
    }

    @Test
    void anAssignedInstructorSeesTheSessionInThePortal() {
        String title = "Budgeting Workshop " + UUID.randomUUID().toString().substring(0, 6);
        // A Wednesday next week, so the session is always in the future and inside the week view.
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));

        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            admin.screenshot("console-sessions");
            SessionEditorPage editor = SessionEditorPage.openNew(admin)
                    .fill(title, day.atTime(10, 0), day.atTime(12, 0), "Europe/London", "Northwind House, Room 2")
                    .create()
                    .expectMessage("Session created.")
                    .assignInstructor("Amira Haddad");
            assertTrue(editor.instructorsText().contains("amira.haddad@northwind.example"));
            assertTrue(editor.startText().startsWith(day + " 10:00"), editor.startText());
            admin.screenshot("console-session-assigned");
        }

        try (Browser instructor = new Browser(url.toString())) {
            new LoginPage(instructor).signInAs("amira.haddad@northwind.example", "calsync-demo");
            PortalPage portal = new PortalPage(instructor, day);
            assertTrue(portal.eventTitleContaining(title).contains(title));
            assertTrue(portal.upcomingText().contains(title), portal.upcomingText());
            assertTrue(portal.upcomingText().contains("Teaching"));
            instructor.screenshot("portal-calendar");
        }
    }
}
