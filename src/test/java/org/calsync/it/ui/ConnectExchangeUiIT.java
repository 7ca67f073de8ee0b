package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.EveryLook;
import org.calsync.it.ui.pages.ExchangeSettingsPage;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.MyCalendarsPage;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.ews.EwsSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * In headless Chromium: the admin sets up Exchange with a service account in the console and tests the
 * connection, first with a wrong password; then an instructor connects her Outlook calendar with one click.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectExchangeUiIT {

    private static final String LUCIE = "lucie.martin@northwind.example";

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withServiceAccount("svc-calsync", "svc-secret");

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
    void anAdminSetsUpExchangeAndAnInstructorConnectsWithOneClick() {
        EWS.mailbox(LUCIE);
        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            ExchangeSettingsPage page = new ExchangeSettingsPage(admin)
                    .withServiceAccount(EWS.url().toString(), "NORTHWIND\\svc-calsync", "a-typo");
            String refused = page.testWith(LUCIE);
            assertTrue(refused.contains("refused the sign-in"), refused);
            page.withServiceAccount(EWS.url().toString(), "NORTHWIND\\svc-calsync", "svc-secret");
            String ok = page.testWith(LUCIE);
            assertTrue(ok.startsWith("Connected to") && ok.contains(LUCIE), ok);
            admin.screenshot("console-exchange-settings");
        }
        try (Browser lucie = new Browser(url.toString())) {
            new LoginPage(lucie).signInAs(LUCIE, "calsync-demo");
            MyCalendarsPage page = new MyCalendarsPage(lucie).connectExchange();
            assertTrue(page.accountsText().contains("Connected") && page.accountsText().contains(LUCIE), page.accountsText());
            Eventually.await("Lucie's sessions arrive in her Exchange calendar", Duration.ofSeconds(20),
                    () -> !EWS.mailbox(LUCIE).items().isEmpty());
            lucie.screenshot("portal-exchange-connected");

            // Exchange takes the service account's role away: her next sync says so, with nothing for her to type.
            EWS.revokeImpersonation("svc-calsync");
            page.syncNow();
            assertTrue(page.accountsText().contains("Needs reconnecting") && page.accountsText().contains("ApplicationImpersonation"),
                    page.accountsText());
        }
        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            admin.open("admin/calendars.xhtml");
            By accounts = By.id("syncForm:accounts");
            String row = admin.waitFor(accounts).getText();
            assertTrue(row.contains("Check again"), "no password to type for the service account: " + row);
            EWS.withServiceAccount("svc-calsync", "svc-secret"); // the Exchange admin restores the role
            admin.clickAndWaitForUpdate(admin.driver().findElement(
                    By.xpath("//*[@id='syncForm:accounts']//button[.//span[text()='Check again']]")), accounts);
            admin.waitForText(By.id("messages"), "Reconnected");
        }
        // Lucie's mailbox is streamed: the Exchange form says so, in both languages, wide and on a phone.
        formShows("streaming", "Mailboxes watched: 1.", "Boîtes aux lettres suivies\u202f: 1.");
        // The server turns out to be Exchange 2010 before SP1: the form says her mailbox is on a pull subscription.
        Api api = new Api(url, "csk_demo_northwind_0000000000000001");
        EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2010);
        try {
            assertEquals(200, api.useExchangeServiceAccount(EWS.url(), true, "EXCHANGE_2010").status());
            formShows("pull", "pull subscriptions", "abonnements par interrogation");
        } finally {
            EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2016);
            api.useExchangeServiceAccount(EWS.url(), true);
        }
        try (Browser lucie = new Browser(url.toString())) {
            new LoginPage(lucie).signInAs(LUCIE, "calsync-demo");
            MyCalendarsPage page = new MyCalendarsPage(lucie);
            assertTrue(page.accountsText().contains("Connected"), page.accountsText());
            page.removeFirstAccount();
        }
        assertTrue(EWS.takeViolations().isEmpty());
    }

    /** The Exchange form's mode says this, in English and French, at 1400 and 390 px, with nothing overflowing. */
    private void formShows(String mode, String english, String french) {
        EveryLook.inEachLanguageAndWidth(url.toString(), "admin@northwind.example", "calsync-demo", (admin, language, width) -> {
            String expected = EveryLook.english(language) ? english : french;
            Eventually.await("the form shows Lucie's mailbox: " + expected, Duration.ofSeconds(20),
                    () -> new ExchangeSettingsPage(admin).changesMode().contains(expected));
            admin.scrollTo(admin.driver().findElement(By.id("exchangeChangesMode")));
            assertEquals(List.of(), admin.layoutProblems(By.id("exchangeChangesMode"), By.id("exchangeThrottling"),
                    By.id("exchangeForm:refreshStreams"), By.id("exchangeForm:streamChanges")),
                    "the Exchange status at " + width + " px in " + language);
            admin.screenshot(EveryLook.shot("console-exchange-" + mode, language, width));
        });
    }
}
