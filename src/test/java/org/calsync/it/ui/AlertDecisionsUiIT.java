package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OtherClient;
import org.calsync.it.ui.pages.Browser;
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
 * The decisions a sync leaves to an admin, in the console's Calendar sync page: a learner's late cancellation
 * offers Approve and Refuse (not Done), a held calendar is counted in its tile and offers Release. The page is
 * checked at 1400 and 390 px in English and French, then the admin refuses the cancellation.
 */
@ExtendWith(ArquillianExtension.class)
class AlertDecisionsUiIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("leo", "leo-secret");

    private static final By ALERTS = By.id("syncForm:alerts");

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

    private static String sessionHref(URI calendar) {
        return RADICALE.hrefs("leo", calendar).stream().filter(h -> !h.endsWith("dentist.ics")).findFirst().orElseThrow();
    }

    @Test
    void aLateCancellationIsRefusedFromTheConsoleAndAHeldCalendarIsCountedAndOffersRelease() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String leo = api().post("people", """
                {"email":"leo-%s@northwind.example","displayName":"Leo Late %s","timeZone":"Europe/London","roles":["Learner"]}"""
                .formatted(suffix, suffix)).object().getString("id");
        URI calendar = RADICALE.createCalendar("leo", "mine");
        RADICALE.putEvent("leo", calendar.resolve("dentist.ics"), OtherClient.event("dentist-leo@example.com",
                FixtureDates.fromToday().workdayAhead(3), 9, 10, ZoneId.of("Europe/London"), "Dentist"));
        assertEquals(201, api().post("people/" + leo + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"leo","password":"leo-secret"}""".formatted(RADICALE.base()))
                .status());
        // A session within the cancellation deadline, which Leo deletes from his calendar.
        String title = "Late Check " + suffix;
        ZonedDateTime soon = ZonedDateTime.now(ZoneId.of("Europe/London")).plusHours(3);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London"}"""
                .formatted(title, local.format(soon), local.format(soon.plusHours(1)))).object().getString("id");
        assertEquals(200, api().post("sessions/" + session + "/registrations", "{\"personId\":\"" + leo + "\"}").status());
        Eventually.await("pushed", Duration.ofSeconds(20), () -> RADICALE.eventsContaining("leo", calendar, title).size() == 1);
        api().post("people/" + leo + "/sync", "");
        RADICALE.send("leo", "DELETE", URI.create(sessionHref(calendar)), null, Map.of());
        String late = api().post("people/" + leo + "/sync", "").body();
        assertTrue(late.contains("after the cancellation deadline"), late);
        Eventually.await("written back", Duration.ofSeconds(20), () -> RADICALE.eventsContaining("leo", calendar, title).size() == 1);
        // Then everything in his calendar disappears at once: it would be empty, so the guard holds it.
        RADICALE.send("leo", "DELETE", URI.create(sessionHref(calendar)), null, Map.of());
        RADICALE.send("leo", "DELETE", calendar.resolve("dentist.ics"), null, Map.of());
        String held = api().post("people/" + leo + "/sync", "").body();
        assertTrue(held.contains("HELD"), held);

        for (String language : List.of("en-GB", "fr-FR")) {
            try (Browser admin = new Browser(url.toString(), language)) {
                new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
                for (int width : new int[] {1400, 390}) {
                    admin.resize(width, 900);
                    admin.open("admin/calendars.xhtml");
                    WebElement row = admin.waitFor(By.xpath("//tr[contains(., '" + title + "')]"));
                    assertTrue(row.findElements(By.cssSelector("[id$=':approve']")).size() == 1
                            && row.findElements(By.cssSelector("[id$=':refuse']")).size() == 1
                            && row.findElements(By.cssSelector("[id$=':done']")).isEmpty(), row.getText());
                    admin.screenshot("console-dashboard-" + language.substring(0, 2) + "-" + width);
                    admin.scrollTo(row);
                    admin.screenshot("console-alerts-" + language.substring(0, 2) + "-" + width);
                    assertEquals(List.of(), admin.layoutProblems(By.cssSelector(".cs-brand"), By.cssSelector(".cs-nav .ui-menuitem-link"),
                            By.cssSelector(".cs-lang a"), By.cssSelector(".cs-tile"), By.cssSelector("[id$=':approve']"),
                            By.cssSelector("[id$=':refuse']"), By.cssSelector("[id$=':release']")),
                            "the dashboard at " + width + " px in " + language);
                }
                String tile = admin.driver().findElement(By.cssSelector("#tileHeld .cs-tile-number")).getText();
                assertTrue(Integer.parseInt(tile.strip()) >= 1, "the held calendar is counted: " + tile);
            }
        }

        try (Browser admin = new Browser(url.toString())) {
            new LoginPage(admin).signInAs("admin@northwind.example", "calsync-demo");
            admin.open("admin/calendars.xhtml");
            WebElement refuse = admin.waitFor(By.xpath("//tr[contains(., '" + title + "')]//*[substring(@id, string-length(@id) - 6) = ':refuse']"));
            admin.clickAndWaitForUpdate(refuse, ALERTS);
            Eventually.await("the decision is made", Duration.ofSeconds(10),
                    () -> !admin.driver().getPageSource().contains(title + "\" from their calendar after"));
            assertEquals(1, api().get("sessions/" + session).object().getJsonArray("learners").size(), "still registered");
        }
    }
}
