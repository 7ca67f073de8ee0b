package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.EveryLook;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In headless Chromium: an instructor with no linked calendar opens a session he teaches; it offers to connect a
 * calendar right there (read in English and French, wide and on a phone, with nothing overflowing), and once he
 * has linked one he is back on that session, which is in his Radicale calendar.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectFromSessionUiIT {

    private static final String TOM = "tom.becker@northwind.example";

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("tomsession", "session-secret");

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
    void anInstructorConnectsACalendarFromASessionAndComesBackToIt() {
        Api api = new Api(url, "csk_demo_northwind_0000000000000001");
        String tom = api.personId(TOM);
        assertEquals(200, api.delete("people/" + tom + "/calendar-accounts").status(), "he starts with no calendar");
        String title = "Connect from here " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = FixtureDates.fromToday().weeksAhead(2, DayOfWeek.THURSDAY);
        String session = api.post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/Berlin"}""".formatted(title,
                FixtureDates.api(day.atTime(14, 0)), FixtureDates.api(day.atTime(15, 30)))).object().getString("id");
        assertEquals(200, api.post("sessions/" + session + "/instructors", "{\"personId\":\"" + tom + "\"}").status());
        URI calendar = RADICALE.createCalendar("tomsession", "teaching");
        try {
            EveryLook.inEachLanguageAndWidth(url.toString(), TOM, "calsync-demo", (browser, language, width) -> {
                browser.open("portal/index.xhtml?session=" + session);
                WebElement offer = browser.waitFor(By.id("detailForm:connectOffer"));
                assertTrue(offer.isDisplayed(), "the session opens on arrival, with the offer");
                assertTrue(offer.getText().contains(EveryLook.english(language) ? "Connect a calendar" : "Relier un agenda"),
                        offer.getText());
                assertEquals(List.of(), browser.layoutProblems(By.id("detailForm:detail"), By.id("detailForm:connectOffer"),
                        By.id("detailForm:connectFromSession")), "the session's offer at " + width + " px in " + language);
                assertEquals(List.of(), browser.cutOffSideways(By.id("detailForm:detailAnswer"),
                        By.id("detailForm:connectFromSession")), "nothing cut off at " + width + " px in " + language);
                browser.screenshot(EveryLook.shot("portal-connect-from-session", language, width));
            });

            try (Browser browser = new Browser(url.toString())) {
                new LoginPage(browser).signInAs(TOM, "calsync-demo");
                browser.open("portal/index.xhtml?session=" + session);
                browser.waitFor(By.id("detailForm:connectFromSession")).click();
                browser.waitForUrl("returnTo=" + session);
                assertTrue(browser.waitFor(By.id("returnsToSession")).isDisplayed(), "the page says where he goes back");
                browser.waitFor(By.xpath("//div[@id='linkForm:provider']//*[normalize-space(text())='CalDAV server']")).click();
                type(browser, "linkForm:serverUrl", RADICALE.base().toString());
                type(browser, "linkForm:username", "tomsession");
                type(browser, "linkForm:password", "session-secret");
                browser.driver().findElement(By.id("linkForm:link")).click();

                browser.waitForUrl("portal/index.xhtml?session=" + session);
                browser.waitForText(By.id("messages"), "Your calendar is linked");
                assertTrue(browser.waitFor(By.id("detailForm:detail")).getText().contains(title), "back on his session");
                assertTrue(browser.driver().findElements(By.id("detailForm:connectOffer")).isEmpty(),
                        "no offer once he has a calendar");
                browser.screenshot("portal-connected-from-session");
            }
            Eventually.await("the session is in his calendar", Duration.ofSeconds(20),
                    () -> !RADICALE.eventsContaining("tomsession", calendar, title).isEmpty());
        } finally {
            api.delete("people/" + tom + "/calendar-accounts");
        }
    }

    private static void type(Browser browser, String id, String text) {
        WebElement input = browser.waitFor(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
