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

import jakarta.json.JsonObject;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * In headless Chromium: an instructor whose Radicale account has a "Work" and a "Teaching" calendar sends one
 * session to "Teaching" from its popup in the portal; the event moves there, with exactly one copy in the end, also
 * when the choice is changed twice in quick succession through the API. An admin sees and changes the same choice
 * on the console's session page. Both pages are read in English and French, wide and on a phone.
 */
@ExtendWith(ArquillianExtension.class)
class SessionCalendarUiIT {

    private static final String TOM = "tom.becker@northwind.example";
    private static final String ADMIN = "admin@northwind.example";

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("tomtwo", "two-secret");

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
    void anInstructorSendsOneSessionToAnotherCalendarAndItMovesWithExactlyOneCopy() {
        URI work = RADICALE.createCalendar("tomtwo", "work", "Work");
        URI teaching = RADICALE.createCalendar("tomtwo", "teaching", "Teaching");
        Api api = new Api(url, "csk_demo_northwind_0000000000000001");
        String tom = api.personId(TOM);
        api.delete("people/" + tom + "/calendar-accounts");
        Api.Reply linked = api.post("people/" + tom + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"tomtwo","password":"two-secret"}""".formatted(
                RADICALE.base()));
        assertEquals(201, linked.status(), linked.body());
        JsonObject account = linked.object();
        String accountId = account.getString("id");
        String workId = calendarNamed(account, "Work");
        String teachingId = calendarNamed(account, "Teaching");
        assertEquals(200, api.put("calendar-accounts/" + accountId, """
                {"targetCalendarId":"%s","conflictCalendarIds":["%s"]}""".formatted(workId, workId)).status());

        String title = "Calendar of its own " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = FixtureDates.fromToday().weeksAhead(2, DayOfWeek.WEDNESDAY);
        String session = api.post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/Berlin"}""".formatted(title,
                FixtureDates.api(day.atTime(10, 0)), FixtureDates.api(day.atTime(12, 0)))).object().getString("id");
        try {
            assertEquals(200, api.post("sessions/" + session + "/instructors", "{\"personId\":\"" + tom + "\"}").status());
            awaitOnlyIn(work, teaching, title, "the session first goes to his usual calendar");

            EveryLook.inEachLanguageAndWidth(url.toString(), TOM, "calsync-demo", (browser, language, width) -> {
                browser.open("portal/index.xhtml?session=" + session);
                WebElement menu = browser.waitFor(By.cssSelector("[id$=':sessionCalendar']"));
                assertTrue(menu.getText().contains(EveryLook.english(language) ? "Work (usual)" : "Work (habituel)"),
                        menu.getText());
                assertTrue(browser.waitFor(By.id("detailForm:detail")).getText().contains(
                        EveryLook.english(language) ? "In your calendar" : "Dans votre agenda"), "the row is named");
                assertEquals(List.of(), browser.layoutProblems(By.id("detailForm:detail"),
                        By.cssSelector("[id$=':sessionCalendar']"), By.cssSelector(".cs-session-calendar .cs-muted")),
                        "the session's calendar at " + width + " px in " + language);
                assertEquals(List.of(), browser.cutOffSideways(By.cssSelector("[id$=':sessionCalendar']")),
                        "nothing cut off at " + width + " px in " + language);
                browser.screenshot(EveryLook.shot("portal-session-calendar", language, width));
            });

            try (Browser browser = new Browser(url.toString())) {
                new LoginPage(browser).signInAs(TOM, "calsync-demo");
                browser.open("portal/index.xhtml?session=" + session);
                choose(browser, browser.waitFor(By.cssSelector("[id$=':sessionCalendar']")), "Teaching");
                browser.waitForText(By.id("messages"), "This session now goes to your calendar “Teaching”");
                browser.screenshot("portal-session-calendar-moved");
                // The popup lives outside its form in the page: its answer buttons are sent as its menus are.
                browser.driver().findElement(By.xpath("//*[@id='detailForm:detailAnswer']//*[normalize-space(text())='Maybe']"))
                        .click();
                browser.waitForText(By.id("messages"), "Your answer to");
            }
            awaitOnlyIn(teaching, work, title, "the event moved to the chosen calendar");
            assertEquals(200, api.post("people/" + tom + "/sync", "{}").status());
            Eventually.await("the chosen calendar is read back, as it holds a session now", Duration.ofSeconds(20),
                    () -> api.get("calendar-accounts/" + accountId).object().getJsonArray("calendars")
                            .getValuesAs(JsonObject.class).stream()
                            .anyMatch(c -> c.getString("id").equals(teachingId) && c.containsKey("lastSyncedAt")
                                    && !c.isNull("lastSyncedAt")));
            assertEquals("TENTATIVE", api.get("sessions/" + session).object().getJsonArray("instructors")
                    .getJsonObject(0).getString("response"), "his answer from the popup is recorded");

            // Changed back and forth at once, a push perhaps under way: the last choice wins, with one copy.
            String choice = "sessions/" + session + "/calendars/" + tom + "/" + accountId;
            assertEquals(200, api.put(choice, "{\"calendarId\":null}").status());
            assertEquals(200, api.put(choice, "{\"calendarId\":\"" + teachingId + "\"}").status());
            assertEquals(200, api.put(choice, "{\"calendarId\":\"" + workId + "\"}").status());
            Api.Reply last = api.put(choice, "{\"calendarId\":\"" + teachingId + "\"}");
            assertEquals(200, last.status(), last.body());
            assertTrue(last.object().getBoolean("chosenForTheSession"), last.body());
            awaitOnlyIn(teaching, work, title, "after quick changes, exactly one copy where the last choice says");
            JsonObject shown = api.get("sessions/" + session + "/calendars/" + tom).array().getJsonObject(0);
            assertEquals(teachingId, shown.getString("calendarId"));
            assertEquals(workId, shown.getString("usualCalendarId"));

            Api.Reply someoneElse = api.put("sessions/" + session + "/calendars/" + api.personId(ADMIN) + "/" + accountId,
                    "{\"calendarId\":\"" + workId + "\"}");
            assertEquals(400, someoneElse.status(), "only someone on the session chooses: " + someoneElse.body());

            EveryLook.inEachLanguageAndWidth(url.toString(), ADMIN, "calsync-demo", (browser, language, width) -> {
                browser.open("admin/session.xhtml?id=" + session);
                WebElement rows = browser.waitFor(By.id("sessionForm:instructorCalendarRows"));
                assertTrue(rows.getText().contains("Teaching"), rows.getText());
                assertEquals(List.of(), browser.layoutProblems(By.id("sessionForm:instructorCalendars"),
                        By.cssSelector("[id$=':instructorCalendar']")),
                        "the instructors' calendars at " + width + " px in " + language);
                assertEquals(List.of(), browser.cutOffSideways(By.cssSelector("[id$=':instructorCalendar']")),
                        "nothing cut off at " + width + " px in " + language);
                browser.scrollTo(rows);
                browser.screenshot(EveryLook.shot("console-session-calendars", language, width));
            });

            try (Browser browser = new Browser(url.toString())) {
                new LoginPage(browser).signInAs(ADMIN, "calsync-demo");
                browser.open("admin/session.xhtml?id=" + session);
                choose(browser, browser.waitFor(By.cssSelector("[id$=':instructorCalendar']")), "Work (usual)");
                browser.waitForText(By.id("messages"), "This session goes back to the usual calendar “Work” of Tom Becker");
            }
            awaitOnlyIn(work, teaching, title, "back in his usual calendar, the admin having chosen it");
        } finally {
            api.delete("people/" + tom + "/calendar-accounts");
        }
    }

    private static String calendarNamed(JsonObject account, String name) {
        return account.getJsonArray("calendars").getValuesAs(JsonObject.class).stream()
                .filter(calendar -> calendar.getString("name").equals(name)).findFirst().orElseThrow().getString("id");
    }

    /** Exactly one copy of the session, in this calendar, and none in the other. */
    private static void awaitOnlyIn(URI calendar, URI other, String title, String what) {
        Eventually.await(what, Duration.ofSeconds(20),
                () -> RADICALE.eventsContaining("tomtwo", calendar, title).size() == 1
                        && RADICALE.eventsContaining("tomtwo", other, title).isEmpty());
        // and it stays so: nothing doubled by a push that came late
        Eventually.holds(what + ", and stays so", Duration.ofSeconds(2),
                () -> RADICALE.eventsContaining("tomtwo", calendar, title).size() == 1
                        && RADICALE.eventsContaining("tomtwo", other, title).isEmpty());
    }

    /**
     * Picks the option through the menu's own widget, then lets it tell the page as a person's pick would: a click
     * on an item can land while the panel still animates.
     */
    private static void choose(Browser browser, WebElement menu, String label) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                var id = arguments[0], label = arguments[1];
                var menu = PrimeFaces.getWidgetById(id);
                var option = Array.from(document.getElementById(id + '_input').options)
                    .find(function (o) { return o.text === label; });
                menu.selectValue(option.value);
                menu.triggerChange();
                """, menu.getAttribute("id"), label);
    }
}
