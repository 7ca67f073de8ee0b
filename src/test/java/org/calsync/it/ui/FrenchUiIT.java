package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
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
 * The pages in French: a browser that prefers French gets French without asking; the switcher changes the
 * language and the choice stays for the next pages; the portal, its calendar and the invitation page speak it;
 * in the console, so do the domain's own errors and the names of permissions and providers.
 */
@ExtendWith(ArquillianExtension.class)
class FrenchUiIT {

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
    void aFrenchBrowserGetsFrenchAndTheSwitcherKeepsTheChoice() {
        try (Browser browser = new Browser(url.toString(), "fr-FR")) {
            browser.open("login.xhtml");
            browser.waitForText(By.tagName("h1"), "Se connecter");
            assertEquals("fr", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));

            browser.driver().findElement(By.id("langEn")).click();
            browser.waitForText(By.tagName("h1"), "Sign in");
            browser.open("invitation.xhtml?token=made-up");
            browser.waitForText(By.id("notValid"), "CalSync does not know this link");

            browser.driver().findElement(By.id("langFr")).click();
            browser.waitForText(By.id("notValid"), "CalSync ne connaît pas ce lien");
            assertTrue(browser.driver().getCurrentUrl().contains("token=made-up"), "the page keeps its parameters");

            new LoginPage(browser).signInAs("lucie.martin@northwind.example", "calsync-demo");
            browser.open("portal/index.xhtml");
            browser.waitForText(By.tagName("h1"), "Mon agenda");
            browser.waitForText(By.cssSelector(".cs-legend"), "J’anime");
            browser.waitForText(By.cssSelector(".fc-toolbar"), "Aujourd");
            browser.screenshot("portal-calendar-french");
            browser.open("portal/calendars.xhtml");
            browser.waitForText(By.id("linkForm"), "Lier un agenda");
            browser.waitForText(By.cssSelector("header"), "Mes agendas");
            browser.screenshot("portal-my-calendars-french");
        }
    }

    @Test
    void theConsoleSaysItsErrorsAndNamesInFrench() {
        try (Browser browser = new Browser(url.toString(), "fr-FR")) {
            new LoginPage(browser).signInAs("admin@northwind.example", "calsync-demo");
            browser.open("admin/session.xhtml");
            browser.driver().findElement(By.id("sessionForm:meetingLink")).sendKeys("ftp://files.example.org");
            browser.driver().findElement(By.id("sessionForm:save")).click();
            browser.waitForText(By.id("sessionForm"), "Champ obligatoire : Intitulé de la formation.");
            browser.waitForText(By.id("sessionForm"), "Lien de la réunion : saisissez une adresse http ou https.");

            browser.open("admin/roles.xhtml");
            browser.waitForText(By.tagName("main"), "Administrer l’organisation");
            browser.waitForText(By.tagName("main"), "Lier des agendas externes");
            browser.open("admin/settings.xhtml");
            browser.waitForText(By.tagName("main"), "Google Agenda");
            browser.waitForText(By.tagName("main"), "Compte de service avec emprunt d’identité");
        }
    }
}
