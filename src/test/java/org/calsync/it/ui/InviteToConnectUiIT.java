package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.MailRelay;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.PeoplePage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Invitations by email, with GreenMail as the SMTP relay CalSync is configured for: an admin invites a new
 * instructor from the console, the email arrives, and the link leads her, in Chromium, to choosing a
 * password and to linking her calendar. A used or replaced link says so; a relay that is down loses nothing.
 */
@ExtendWith(ArquillianExtension.class)
class InviteToConnectUiIT {

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

    private String createInstructor(String email, String name) {
        return api().createInstructor(email, name, "Europe/Paris");
    }

    private static int invitedOnDashboard(Browser admin) {
        admin.open("admin/calendars.xhtml");
        return Integer.parseInt(admin.waitFor(By.cssSelector("#tileInvited .cs-tile-number")).getText().trim());
    }

    @Test
    void anAdminInvitesAnInstructorWhoChoosesAPasswordAndLandsOnLinking() throws Exception {
        assumeTrue(Browser.available(), "Chromium is installed");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "nadia.petit-" + suffix + "@northwind.example";
        String name = "Nadia Petit " + suffix;
        createInstructor(email, name);

        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            int invitedBefore = invitedOnDashboard(admin);
            new PeoplePage(admin).selectOnly(suffix, email).invite();
            admin.waitForText(By.id("messages"), "Invitation sent to " + email + ".");
            admin.waitForText(By.xpath("//tr[contains(., '" + email + "')]"), "Invited");
            admin.screenshot("console-invitation-sent");
            assertEquals(invitedBefore + 1, invitedOnDashboard(admin), "the dashboard counts her as invited");
            assertTrue(admin.driver().findElement(By.cssSelector("[id='syncForm:activity'] canvas")).isDisplayed(),
                    "the week's activity is drawn");
            admin.screenshot("console-dashboard");
        }

        String link = smtp.invitationLinkSentTo(email, 1);
        assertEquals("Connect your calendar to Northwind Training", smtp.subjectOfFirstTo(email));
        try (Browser nadia = new Browser(url.toString())) {
            nadia.open(link);
            nadia.waitForText(By.id("welcome"), "Hello " + name);
            nadia.screenshot("invitation-landing");
            nadia.driver().findElement(By.id("invitationForm:password")).sendKeys("too-short");
            nadia.driver().findElement(By.id("invitationForm:repeatedPassword")).sendKeys("too-short");
            nadia.driver().findElement(By.id("invitationForm:accept")).click();
            nadia.waitForText(By.id("invitationForm"), "at least 10 characters");
            nadia.driver().findElement(By.id("invitationForm:password")).sendKeys("nadia-chooses-this");
            nadia.driver().findElement(By.id("invitationForm:repeatedPassword")).sendKeys("nadia-chooses-this");
            nadia.driver().findElement(By.id("invitationForm:accept")).click();
            nadia.waitForUrl("portal/calendars.xhtml");
            nadia.waitForText(By.id("welcome"), "Connect the calendar where your sessions should appear");
        }
        try (Browser again = new Browser(url.toString())) {
            again.open(link);
            again.waitForText(By.id("notValid"), "It has been used already");
            new LoginPage(again).signInAs(email, "nadia-chooses-this");
        }
    }

    @Test
    void aNewInvitationReplacesTheEarlierLinkAndOnlyPeopleAllowedToLinkAreInvited() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "hugo.bernard-" + suffix + "@northwind.example";
        String hugo = createInstructor(email, "Hugo Bernard " + suffix);
        assertEquals(200, api().post("invitations", "{\"people\":[\"" + hugo + "\"]}").status());
        String first = smtp.invitationLinkSentTo(email, 1);
        Api.Reply second = api().post("invitations", "{\"people\":[\"" + hugo + "\"]}");
        assertEquals(200, second.status(), second.body());
        assertEquals(email, second.object().getJsonArray("sent").getString(0));
        String newest = smtp.invitationLinkSentTo(email, 2);
        JsonObject status = api().get("invitations").array().stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("personId").equals(hugo)).findFirst().orElseThrow();
        assertEquals("PENDING", status.getString("state"));

        if (Browser.available()) {
            try (Browser browser = new Browser(url.toString())) {
                browser.open(first);
                browser.waitForText(By.id("notValid"), "A newer invitation was sent to you since");
                browser.open(newest);
                browser.waitForText(By.id("welcome"), "Hugo Bernard");
                browser.open("invitation.xhtml?token=made-up");
                browser.waitForText(By.id("notValid"), "does not know this link");
            }
        }

        Api.Reply learner = api().post("people", """
                {"email":"learner-%s@northwind.example","displayName":"Lea Learner %s","timeZone":"Europe/Paris"}"""
                .formatted(suffix, suffix));
        Api.Reply refused = api().post("invitations", "{\"people\":[\"" + hugo + "\",\""
                + learner.object().getString("id") + "\"]}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("Lea Learner " + suffix + " has no role that allows linking a calendar"),
                refused.body());
        assertEquals(2, smtp.receivedBy(email).length, "nobody is invited when one cannot be");
    }

    @Test
    void invitingOrSyncingNobodySaysWhatToDoAtTheTopOfThePage() {
        assumeTrue(Browser.available(), "Chromium is installed");
        try (Browser admin = new Browser(url.toString(), "fr-FR")) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            admin.open("admin/people.xhtml");
            admin.clickAndWaitForUpdate(admin.waitFor(By.id("peopleForm:invite")), By.id("messages"));
            admin.waitForText(By.id("messages"), "Choisissez au moins une personne");
            admin.clickAndWaitForUpdate(admin.waitFor(By.id("peopleForm:syncNow")), By.id("messages"));
            admin.waitForText(By.id("messages"), "Choisissez au moins une personne");
            String rowLabel = admin.driver().findElement(By.cssSelector("#peopleForm\\:people tbody [role=checkbox]"))
                    .getAttribute("aria-label");
            assertTrue(rowLabel.startsWith("Sélectionner ") && !rowLabel.matches(".*[0-9a-f]{8}-[0-9a-f]{4}.*"),
                    "a row's checkbox names its person: " + rowLabel);
        }
    }

    @Test
    void aMailServerThatIsDownIsReportedAndNothingIsRecorded() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String ines = createInstructor("ines.morel-" + suffix + "@northwind.example", "Ines Morel " + suffix);
        smtp.close();
        Api.Reply down = api().post("invitations", "{\"people\":[\"" + ines + "\"]}");
        assertEquals(503, down.status(), down.body());
        assertTrue(down.body().contains("could not be reached") && down.body().contains("CALSYNC_MAIL_HOST"), down.body());
        assertTrue(api().get("invitations").array().stream().noneMatch(v -> v.asJsonObject().getString("personId")
                .equals(ines)), "no invitation is recorded that was never sent");
    }
}
