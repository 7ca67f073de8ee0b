package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;

import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.MyCalendarsPage;
import org.calsync.testsupport.Eventually;
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

/** In headless Chromium: an instructor links a Radicale calendar from the portal, syncs, reconnects and removes it. */
@ExtendWith(ArquillianExtension.class)
class LinkMyCalendarUiIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("lucie", "lucie-secret");

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
    void anInstructorLinksSyncsReconnectsAndRemovesACalendar() throws Exception {
        URI calendar = RADICALE.createCalendar("lucie", "work");
        try (Browser lucie = new Browser(url.toString())) {
            new LoginPage(lucie).signInAs("lucie.martin@northwind.example", "calsync-demo");
            MyCalendarsPage page = new MyCalendarsPage(lucie).linkCalDav(RADICALE.base().toString(), "lucie", "lucie-secret");
            assertTrue(page.accountsText().contains("Connected"), page.accountsText());
            assertTrue(page.accountsText().contains("lucie/work"), page.accountsText());
            Eventually.await("Lucie's sessions arrive in her calendar", Duration.ofSeconds(20),
                    () -> !RADICALE.events("lucie", calendar).isEmpty());
            page.syncNow();
            lucie.screenshot("portal-my-calendars");

            // Her password changes on the server: the next sync says so, and she types the new one.
            RADICALE.changePassword("lucie", "lucie-new-secret");
            page.syncNow();
            assertTrue(page.accountsText().contains("Needs reconnecting"), page.accountsText());
            lucie.screenshot("portal-needs-reconnecting");
            page.reconnect("a-wrong-guess");
            assertTrue(page.messages().contains("Not reconnected"), page.messages());
            page.reconnect("lucie-new-secret");
            assertTrue(page.messages().contains("Reconnected lucie"), page.messages());
            assertTrue(page.accountsText().contains("Connected") && !page.accountsText().contains("Needs reconnecting"),
                    page.accountsText());
        }
        // IT manages the password this time: it changes again, and the admin reconnects from the console.
        RADICALE.changePassword("lucie", "lucie-third-secret");
        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            admin.open("admin/calendars.xhtml");
            By accounts = By.id("syncForm:accounts");
            // Other tests' accounts share the table: everything here is done in Lucie's row.
            String lucieRow = "//*[@id='syncForm:accounts']//tr[contains(., 'Lucie Martin')]";
            admin.clickAndWaitForUpdate(admin.waitFor(By.xpath(lucieRow + "//button[.//span[text()='Sync now']]")),
                    accounts);
            assertTrue(admin.waitFor(accounts).getText().contains("Needs reconnecting"), admin.waitFor(accounts).getText());
            admin.waitFor(By.xpath(lucieRow + "//input[contains(@id,'newPassword')]")).sendKeys("lucie-third-secret");
            admin.clickAndWaitForUpdate(admin.driver().findElement(
                    By.xpath(lucieRow + "//button[contains(@id,'reconnect')]")), accounts);
            admin.waitForText(By.id("messages"), "Reconnected lucie");
            String console = admin.waitFor(By.xpath(lucieRow)).getText();
            assertTrue(console.contains("Lucie Martin") && console.contains("Connected") && console.contains("Synced")
                    && !console.contains("Needs reconnecting"), "her row, whatever other tests left: " + console);
            admin.screenshot("console-calendar-sync");
        }
        try (Browser lucie = new Browser(url.toString())) {
            new LoginPage(lucie).signInAs("lucie.martin@northwind.example", "calsync-demo");
            MyCalendarsPage page = new MyCalendarsPage(lucie);
            page.removeFirstAccount();
            assertTrue(page.messages().contains("CalSync had written"), page.messages());
            assertEquals(0, RADICALE.events("lucie", calendar).size(), "every event CalSync wrote is gone");
        }
    }
}
