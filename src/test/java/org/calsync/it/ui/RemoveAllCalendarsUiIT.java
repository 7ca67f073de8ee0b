package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.EveryLook;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.MyCalendarsPage;
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

/**
 * In headless Chromium: an instructor with two linked Radicale calendars removes them all at once, after a
 * confirmation that counts the accounts and the events CalSync wrote (read in English and French, wide and on a
 * phone, with nothing overflowing); every event CalSync wrote is deleted from both servers.
 */
@ExtendWith(ArquillianExtension.class)
class RemoveAllCalendarsUiIT {

    private static final String TOM = "tom.becker@northwind.example";

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("tom", "tom-secret")
            .withUser("tomhome", "home-secret").withUser("ana", "ana-secret");

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
    void anInstructorRemovesAllHisCalendarsAfterAConfirmationThatCountsThem() {
        URI work = RADICALE.createCalendar("tom", "work");
        URI home = RADICALE.createCalendar("tomhome", "home");
        Api api = new Api(url, "csk_demo_northwind_0000000000000001");
        String tom = api.personId(TOM);
        // Linking in the portal has its own test (LinkMyCalendarUiIT); here the two accounts come through the API.
        link(api, tom, "tom", "tom-secret");
        link(api, tom, "tomhome", "home-secret");
        // Both receive the sessions he teaches; what CalSync counts is what the servers hold.
        // Both calendars receive the same sessions: once they hold as many each, and CalSync counts them all, the
        // pushes are done.
        Eventually.await("his sessions are in both calendars, and counted", Duration.ofSeconds(30), () -> {
            int atWork = RADICALE.countEvents("tom", work);
            int atHome = RADICALE.countEvents("tomhome", home);
            return atWork > 0 && atWork == atHome && scope(api, tom).getInt("events") == atWork + atHome;
        });
        JsonObject scope = scope(api, tom);
        assertEquals(2, scope.getInt("accounts"), scope.toString());
        int events = scope.getInt("events");

        EveryLook.inEachLanguageAndWidth(url.toString(), TOM, "calsync-demo", (browser, language, width) -> {
            MyCalendarsPage page = new MyCalendarsPage(browser);
            String question = page.askToRemoveAll();
            String counts = EveryLook.english(language) ? "the " + events + " events it wrote into your 2 calendar accounts"
                    : "les " + events + " événements qu’il a écrits dans vos 2 comptes d’agenda";
            assertTrue(question.contains(counts), "the confirmation names the counts: " + question);
            assertEquals(List.of(), browser.layoutProblems(By.cssSelector(".ui-confirm-dialog"),
                    By.cssSelector(".ui-confirmdialog-yes"), By.cssSelector(".ui-confirmdialog-no")),
                    "the confirmation at " + width + " px in " + language);
            browser.screenshot(EveryLook.shot("portal-remove-all", language, width));
            page.keep();
        });
        assertEquals(2, scope(api, tom).getInt("accounts"), "keeping them removes nothing");

        try (Browser browser = new Browser(url.toString())) {
            new LoginPage(browser).signInAs(TOM, "calsync-demo");
            MyCalendarsPage page = new MyCalendarsPage(browser);
            page.askToRemoveAll();
            page.confirmRemoval("Removed your 2 calendar accounts");
            assertTrue(page.messages().contains("the " + events + " events CalSync had written"), page.messages());
            assertTrue(browser.driver().findElements(By.id("accountsForm:removeAll")).isEmpty(), "nothing left to remove");
            browser.screenshot("portal-removed-all");
        }
        assertEquals(0, RADICALE.countEvents("tom", work), "every event CalSync wrote is gone from the first server");
        assertEquals(0, RADICALE.countEvents("tomhome", home), "and from the second");
        assertEquals(0, api.get("people/" + tom + "/calendar-accounts").array().size(), "no account is left");
    }

    /** Through the API: one of two servers is down, so its account stays and is named, and the other goes. */
    @Test
    void anAccountWhoseServerCannotBeReachedStaysAndIsNamedWhileTheOtherGoes() throws Exception {
        RadicaleServer away = new RadicaleServer().withUser("ana", "ana-secret");
        away.start();
        try {
            URI here = RADICALE.createCalendar("ana", "here");
            URI there = away.createCalendar("ana", "there");
            Api api = new Api(url, "csk_demo_northwind_0000000000000001");
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            String ana = api.createInstructor("ana.away-" + suffix + "@northwind.example", "Ana Away " + suffix, "Europe/London");
            String hereAccount = link(api, ana, RADICALE.base(), "ana", "ana-secret");
            String thereAccount = link(api, ana, away.base(), "ana", "ana-secret");
            LocalDate day = FixtureDates.fromToday().weeksAhead(3, DayOfWeek.MONDAY);
            String session = api.post("sessions", """
                    {"courseTitle":"Away %s","start":"%s","end":"%s","timeZone":"Europe/London"}""".formatted(suffix,
                    FixtureDates.api(day.atTime(10, 0)),
                    FixtureDates.api(day.atTime(11, 0)))).object().getString("id");
            assertEquals(200, api.post("sessions/" + session + "/instructors", "{\"personId\":\"" + ana + "\"}").status());
            Eventually.await("the session is in both calendars", Duration.ofSeconds(20),
                    () -> RADICALE.countEvents("ana", here) == 1 && away.countEvents("ana", there) == 1);

            away.stop();
            Api.Reply removed = api.delete("people/" + ana + "/calendar-accounts");
            assertEquals(200, removed.status(), removed.body());
            JsonObject outcome = removed.object();
            assertEquals(1, outcome.getInt("removedAccounts"), outcome.toString());
            assertEquals(1, outcome.getInt("deletedEvents"), outcome.toString());
            assertEquals(List.of(thereAccount), outcome.getJsonArray("keptAccountIds").getValuesAs(
                    JsonString::getString), outcome.toString());
            assertTrue(outcome.getString("message").contains("could not be reached"), outcome.toString());
            assertEquals(0, RADICALE.countEvents("ana", here), "the reachable account's event is gone");
            List<String> left = api.get("people/" + ana + "/calendar-accounts").array().stream()
                    .map(v -> v.asJsonObject().getString("id")).toList();
            assertEquals(List.of(thereAccount), left, "the unreachable account stays, " + hereAccount + " is gone");

            // Once the server is back, removing all of them again removes it too, with its event.
            away.start();
            Api.Reply again = api.delete("people/" + ana + "/calendar-accounts");
            assertEquals(1, again.object().getInt("removedAccounts"), again.body());
            assertEquals(0, away.countEvents("ana", there), "its event is gone too");
        } finally {
            away.stop();
            try (Stream<Path> files = Files.walk(away.storageFolder().getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String link(Api api, String person, String user, String password) {
        return link(api, person, RADICALE.base(), user, password);
    }

    private static String link(Api api, String person, URI server, String user, String password) {
        Api.Reply linked = api.post("people/" + person + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"%s","password":"%s"}""".formatted(server, user, password));
        assertEquals(201, linked.status(), linked.body());
        return linked.object().getString("id");
    }

    private static JsonObject scope(Api api, String person) {
        Api.Reply reply = api.get("people/" + person + "/calendar-accounts/removal");
        assertEquals(200, reply.status(), reply.body());
        return reply.object();
    }
}
