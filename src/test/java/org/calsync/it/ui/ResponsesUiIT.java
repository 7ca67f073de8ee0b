package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.PortalPage;
import org.calsync.it.ui.pages.SessionEditorPage;
import org.calsync.testsupport.FixtureDates;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Answers to invitations in the browser: a learner answers in the portal, on a desktop and on a phone; the admin sees
 * each person's answer, where and when it came, on the session page and the counts in the sessions list, in English
 * and in French, with nothing sticking out or written over anything else.
 */
@ExtendWith(ArquillianExtension.class)
class ResponsesUiIT {

    private static final String NOAH = "noah.williams@northwind.example";

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeAll
    static void needsABrowser() {
        Browser.requireOrSkip();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    /** Where each learner answered, as the icon beside the time names it on hover and to screen readers. */
    private static List<String> answeredVia(Browser browser) {
        return browser.driver().findElements(By.cssSelector("[id$='learners'] .cs-answered")).stream()
                .map(e -> e.getAttribute("title")).toList();
    }

    @Test
    void aLearnerAnswersInThePortalAndTheAdminSeesEveryAnswer() {
        String title = "Presenting with confidence " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = FixtureDates.fromToday().workdayAhead(7);
        Api.Reply created = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"Northwind House, Room 3"}"""
                .formatted(title, FixtureDates.api(day.atTime(9, 30)), FixtureDates.api(day.atTime(12, 30))));
        assertEquals(201, created.status(), created.body());
        String session = created.object().getString("id");
        String noah = api().personId(NOAH);
        String olivia = api().personId("olivia.brown@northwind.example");
        String liam = api().personId("liam.jones@northwind.example");
        for (String learner : List.of(noah, olivia, liam)) {
            assertEquals(200, api().post("sessions/" + session + "/registrations", "{\"personId\":\"" + learner + "\"}")
                    .status());
        }
        assertEquals(200, api().put("sessions/" + session + "/responses/" + olivia, "{\"response\":\"TENTATIVE\"}").status());

        try (Browser learner = new Browser(url.toString())) {
            new LoginPage(learner).signInAs(NOAH, "calsync-demo");
            PortalPage portal = new PortalPage(learner, day);
            portal.answer(title, "Yes");
            learner.waitForText(By.id("messages"), "Your answer to " + title + " is saved.");
            assertEquals("Yes", portal.chosenAnswer(title));
            learner.screenshot("portal-answers");
            assertEquals(List.of(), learner.layoutProblems(By.id("upcomingForm:upcoming"), By.id("messages")));
            learner.resize(390, 844);
            learner.scrollTo(learner.driver().findElement(By.id("upcomingForm:upcoming")));
            learner.screenshot("portal-answers-phone");
            assertEquals(List.of(), learner.layoutProblems(By.id("upcomingForm:upcoming")));
            assertEquals(1L, ((org.openqa.selenium.JavascriptExecutor) learner.driver()).executeScript(
                    "return new Set([...document.querySelector('.cs-answer').querySelectorAll('.ui-button')]"
                            + ".map(b => Math.round(b.getBoundingClientRect().top))).size;"),
                    "Yes, Maybe and No stay on one line on a phone");
        }

        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            SessionEditorPage.open(admin, session);
            String learners = admin.driver().findElement(By.id("sessionForm:learners")).getText();
            assertTrue(learners.contains("Accepted") && learners.contains("Maybe"), learners);
            assertEquals(List.of("In the portal", "Through the platform"), answeredVia(admin));
            assertTrue(learners.contains("No answer"), learners);
            admin.screenshot("console-session-answers");
            assertEquals(List.of(), admin.layoutProblems(By.id("sessionForm:learners"), By.id("sessionForm:instructors")));
            admin.resize(390, 844);
            SessionEditorPage.open(admin, session); // as a phone loads it: menus take their width when the page loads
            admin.scrollTo(admin.driver().findElement(By.id("sessionForm:learners")));
            admin.screenshot("console-session-answers-phone");
            assertEquals(List.of(), admin.layoutProblems(By.id("sessionForm:learners")));

            admin.resize(1400, 900);
            admin.open("admin/sessions.xhtml");
            By counts = By.xpath("//tr[contains(., '" + title + "')]//span[contains(@class,'cs-responses')]");
            assertEquals("1 accepted, 1 maybe, 0 declined, 1 no answer", admin.waitFor(counts).getAttribute("title"));
            assertEquals(List.of(), admin.layoutProblems(counts));
            admin.resize(390, 844);
            assertEquals(List.of(), admin.layoutProblems(counts));
        }

        try (Browser french = new Browser(url.toString(), "fr-FR")) {
            new LoginPage(french).signInAs("admin@northwind.example", "calsync-demo");
            SessionEditorPage.open(french, session);
            String learners = french.driver().findElement(By.id("sessionForm:learners")).getText();
            assertTrue(learners.contains("Réponse") && learners.contains("Accepté"), learners);
            assertEquals(List.of("Dans le portail", "Par la plateforme"), answeredVia(french));
            assertTrue(learners.contains("Peut-être") && learners.contains("Pas de réponse"), learners);
            french.screenshot("console-session-answers-fr");
            assertEquals(List.of(), french.layoutProblems(By.id("sessionForm:learners")));
            french.resize(390, 844);
            SessionEditorPage.open(french, session); // as a phone loads it: menus take their width when the page loads
            french.scrollTo(french.driver().findElement(By.id("sessionForm:learners")));
            french.screenshot("console-session-answers-phone-fr");
            assertEquals(List.of(), french.layoutProblems(By.id("sessionForm:learners")));
        }
    }
}
