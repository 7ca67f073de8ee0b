package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.testsupport.RadicaleServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Switching calendar integration off in the console: before anything is saved the admin is told how many linked
 * calendars of how many people it pauses and how many events CalSync wrote there, and chooses to remove or leave
 * them; the account then shows it is paused. The dialog is checked at 1400 and 390 px, in English and French.
 */
@ExtendWith(ArquillianExtension.class)
class PauseCalendarSyncUiIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("sofia", "sofia-secret");

    private static final By DIALOG = By.id("settingsForm:pauseDialog");
    private static final By[] DIALOG_PARTS = {DIALOG, By.id("settingsForm:pauseRemove"), By.id("settingsForm:pauseLeave"),
            By.id("settingsForm:pauseCancel")};
    private static final By[] HEADER = {By.cssSelector(".cs-brand"), By.cssSelector(".cs-nav .ui-menuitem-link"),
            By.cssSelector(".cs-lang a")};

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

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    @AfterEach
    void integrationBackOn() {
        assertEquals(200, api().put("settings", "{\"integrationEnabled\":true}").status());
        JsonObject instructor = instructorRole();
        List<String> permissions = instructor.getJsonArray("permissions").getValuesAs(JsonString::getString);
        if (!permissions.contains("CALENDAR_INTEGRATION")) {
            List<String> back = new java.util.ArrayList<>(permissions);
            back.add("CALENDAR_INTEGRATION");
            assertEquals(200, api().put("roles/" + instructor.getString("id"), "{\"permissions\":"
                    + back.stream().map(p -> "\"" + p + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]")) + "}")
                    .status());
        }
    }

    private JsonObject instructorRole() {
        return api().get("roles").array().stream().map(v -> v.asJsonObject())
                .filter(r -> r.getString("name").equals("Instructor")).findFirst().orElseThrow();
    }

    /** Unticks Link external calendars for the Instructor role and saves: the confirmation opens instead. */
    private void askToTakeLinkingFromInstructors(Browser browser) {
        browser.open("admin/roles.xhtml");
        browser.waitFor(By.id("rolesForm:roles"));
        // PrimeFaces keeps the real checkbox hidden; its label toggles it. The role's cell also holds the column's
        // name, which a phone shows beside the value, so the row is found by the role's own text.
        String row = "//tr[td[1]/text()[normalize-space()='Instructor'] or td[1]/*[normalize-space()='Instructor']]";
        WebElement box = browser.driver().findElement(By.xpath(row + "//input[@value='CALENDAR_INTEGRATION']"));
        WebElement label = browser.driver().findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", label);
        browser.driver().findElement(By.xpath(row + "//*[contains(@id, ':saveRole')]"))
                .click();
        browser.waitFor(By.id("rolesForm:rolePauseRemove"));
    }

    @Test
    void takingLinkingFromARoleAsksFirstAndLeavingTheEventsPausesItsPeoplesCalendars() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String rolf = api().createInstructor("rolf-" + suffix + "@northwind.example", "Rolf Role " + suffix, "Europe/London");
        RADICALE.createCalendar("sofia", "rolf-" + suffix);
        Api.Reply linked = api().post("people/" + rolf + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"sofia","password":"sofia-secret"}""".formatted(RADICALE.base()));
        assertEquals(201, linked.status(), linked.body());

        for (String language : List.of("en-GB", "fr-FR")) {
            try (Browser admin = new Browser(url.toString(), language)) {
                new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
                int width = language.startsWith("en") ? 1400 : 390;
                admin.resize(width, 900);
                askToTakeLinkingFromInstructors(admin);
                String text = admin.driver().findElement(By.id("rolesForm:rolePauseDialog")).getText();
                assertTrue(text.contains(language.startsWith("en") ? "This change pauses" : "Cette modification met en pause"), text);
                admin.screenshot("console-role-pause-dialog-" + language.substring(0, 2) + "-" + width);
                assertEquals(List.of(), admin.layoutProblems(By.id("rolesForm:rolePauseDialog"), By.id("rolesForm:rolePauseRemove"),
                        By.id("rolesForm:rolePauseLeave"), By.id("rolesForm:rolePauseCancel")), "at " + width + " px in " + language);
                admin.driver().findElement(By.id("rolesForm:rolePauseCancel")).click();
                assertTrue(instructorRole().getJsonArray("permissions").getValuesAs(JsonString::getString)
                        .contains("CALENDAR_INTEGRATION"), "cancelling changes nothing");
            }
        }
        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            askToTakeLinkingFromInstructors(admin);
            admin.driver().findElement(By.id("rolesForm:rolePauseLeave")).click();
            admin.waitForText(By.id("messages"), "paused; the events CalSync wrote there stay");
        }
        assertTrue(!instructorRole().getJsonArray("permissions").getValuesAs(JsonString::getString).contains("CALENDAR_INTEGRATION"));
        assertEquals("PAUSED", api().get("calendar-accounts/" + linked.object().getString("id")).object().getString("status"));
    }

    /** Opens the settings, switches integration off and saves: the confirmation opens instead of saving. */
    private void askToSwitchOff(Browser browser) {
        browser.open("admin/settings.xhtml");
        browser.waitFor(By.id("settingsForm:integrationEnabled")).click();
        browser.driver().findElement(By.id("settingsForm:saveSettings")).click();
        browser.waitFor(By.id("settingsForm:pauseRemove"));
    }

    @Test
    void theAdminIsToldWhatSwitchingOffPausesAndChoosesToLeaveCalSyncsEvents() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String sofia = api().createInstructor("sofia-" + suffix + "@northwind.example", "Sofia Pause " + suffix, "Europe/London");
        URI calendar = RADICALE.createCalendar("sofia", "work");
        assertEquals(201, api().post("people/" + sofia + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"sofia","password":"sofia-secret"}"""
                .formatted(RADICALE.base())).status());
        assertTrue(calendar.toString().contains("sofia"));

        for (String language : List.of("en-GB", "fr-FR")) {
            try (Browser admin = new Browser(url.toString(), language)) {
                new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
                for (int width : new int[] {1400, 390}) {
                    admin.resize(width, 900);
                    admin.open("admin/settings.xhtml");
                    assertEquals(List.of(), admin.layoutProblems(HEADER), "the header at " + width + " px in " + language);
                    admin.screenshot("console-settings-" + language.substring(0, 2) + "-" + width);
                    askToSwitchOff(admin);
                    String text = admin.driver().findElement(DIALOG).getText();
                    if (language.startsWith("en")) {
                        assertTrue(text.contains("This change pauses") && text.contains("Pause and leave them"), text);
                    } else {
                        assertTrue(text.contains("Cette modification met en pause") && text.contains("Mettre en pause et les laisser"),
                                text);
                    }
                    assertEquals(language.substring(0, 2), admin.driver().findElement(By.tagName("html")).getAttribute("lang"));
                    admin.screenshot("console-pause-dialog-" + language.substring(0, 2) + "-" + width);
                    assertEquals(List.of(), admin.layoutProblems(DIALOG_PARTS), "the dialog at " + width + " px in " + language);
                    admin.driver().findElement(By.id("settingsForm:pauseCancel")).click();
                }
                assertEquals(true, api().get("settings").object().getBoolean("integrationEnabled"), "cancelling saves nothing");
            }
        }

        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            askToSwitchOff(admin);
            admin.driver().findElement(By.id("settingsForm:pauseLeave")).click();
            admin.waitForText(By.id("messages"), "paused; the events CalSync wrote there stay");
            assertEquals(false, api().get("settings").object().getBoolean("integrationEnabled"));
            admin.open("admin/people.xhtml");
            admin.waitForText(By.tagName("body"), "Paused by your organisation");
            admin.screenshot("console-people-paused");
        }
    }
}
