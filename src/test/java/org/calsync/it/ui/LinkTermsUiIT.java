package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.EveryLook;
import org.calsync.it.ui.pages.LoginPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * In headless Chromium: an administrator asks people to accept terms before they link a calendar; a learner reads
 * them on My calendars, where linking waits until she accepts, and CalSync records when. A changed text is
 * accepted again. Both pages are read in English and French, wide and on a phone, with nothing overflowing.
 */
@ExtendWith(ArquillianExtension.class)
class LinkTermsUiIT {

    private static final String OLIVIA = "olivia.brown@northwind.example";
    private static final String TERMS = "CalSync writes the sessions you attend into the calendar you link.\n"
            + "It reads when you are busy, never what your other events say.";

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
    void aLearnerAcceptsHerOrganisationsTermsBeforeSheLinksACalendar() {
        Api api = new Api(url, "csk_demo_northwind_0000000000000001");
        String olivia = api.personId(OLIVIA);
        try {
            try (Browser admin = new Browser(url.toString())) {
                new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
                admin.open("admin/settings.xhtml");
                admin.waitFor(By.id("linkTermsForm:text")).sendKeys(TERMS);
                admin.clickAndWaitForUpdate(admin.driver().findElement(By.id("linkTermsForm:saveLinkTerms")),
                        By.id("linkTermsForm"));
                admin.waitForText(By.id("messages"), "Terms saved");
                assertTrue(admin.waitFor(By.id("linkTermsStanding")).getText().contains("accepted by nobody yet"),
                        admin.waitFor(By.id("linkTermsStanding")).getText());
            }
            JsonObject before = api.get("people/" + olivia + "/link-terms").object();
            assertTrue(before.getBoolean("mustAccept"), before.toString());

            EveryLook.inEachLanguageAndWidth(url.toString(), OLIVIA, "calsync-demo", (browser, language, width) -> {
                browser.open("portal/calendars.xhtml");
                String terms = browser.waitFor(By.id("termsText")).getText();
                assertTrue(terms.contains("never what your other events say"), terms);
                assertTrue(browser.driver().findElements(By.id("linkForm")).isEmpty(), "linking waits");
                assertTrue(browser.waitFor(By.id("termsForm")).getText().contains(
                        EveryLook.english(language) ? "Before you link a calendar" : "Avant de relier un agenda"));
                assertEquals(List.of(), browser.layoutProblems(By.id("termsForm"), By.id("termsText"),
                        By.id("termsForm:acceptTerms")), "the terms at " + width + " px in " + language);
                browser.screenshot(EveryLook.shot("portal-link-terms", language, width));
            });

            Instant clicked = Instant.now();
            try (Browser browser = new Browser(url.toString())) {
                new LoginPage(browser).signInAs(OLIVIA, "calsync-demo");
                browser.open("portal/calendars.xhtml");
                browser.waitFor(By.id("termsForm:acceptTerms")).click();
                browser.waitForText(By.id("messages"), "You can link your calendar now");
                assertTrue(browser.waitFor(By.id("linkForm")).isDisplayed(), "the link form is there now");
                assertTrue(browser.waitFor(By.id("termsAccepted")).getText().startsWith("You accepted the terms"));
                assertTrue(browser.driver().findElements(By.id("termsForm")).isEmpty());
                browser.screenshot("portal-link-terms-accepted");
            }
            JsonObject after = api.get("people/" + olivia + "/link-terms").object();
            assertFalse(after.getBoolean("mustAccept"), after.toString());
            assertFalse(Instant.parse(after.getString("acceptedAt")).isBefore(clicked.minusSeconds(1)),
                    "CalSync recorded when: " + after);

            EveryLook.inEachLanguageAndWidth(url.toString(), "admin@northwind.example", "calsync-demo",
                    (admin, language, width) -> {
                        admin.open("admin/settings.xhtml");
                        String standing = admin.waitFor(By.id("linkTermsStanding")).getText();
                        assertTrue(standing.contains(EveryLook.english(language) ? "accepted by one person"
                                : "acceptée par une personne"), standing);
                        admin.scrollTo(admin.driver().findElement(By.id("linkTermsForm")));
                        assertEquals(List.of(), admin.layoutProblems(By.id("linkTermsForm"), By.id("linkTermsForm:text"),
                                By.id("linkTermsForm:saveLinkTerms")), "the console form at " + width + " px in " + language);
                        admin.screenshot(EveryLook.shot("console-link-terms", language, width));
                    });

            // A new version is accepted again before her next link.
            assertEquals(200, api.put("link-terms", "{\"text\":\"" + TERMS.replace("\n", "\\n")
                    + " CalSync also records your answers to invitations.\"}").status());
            assertTrue(api.get("people/" + olivia + "/link-terms").object().getBoolean("mustAccept"));
        } finally {
            api.put("link-terms", "{\"text\":\"\"}");
        }
        JsonObject none = api.get("link-terms").object();
        assertTrue(!none.containsKey("text") || none.isNull("text"), "no terms asked any more: " + none);
        assertFalse(api.get("people/" + olivia + "/link-terms").object().getBoolean("mustAccept"));
    }
}
