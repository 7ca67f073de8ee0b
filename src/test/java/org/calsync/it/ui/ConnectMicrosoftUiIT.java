package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OAuthServer;
import org.calsync.it.support.MailRelay;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.MyCalendarsPage;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.graph.GraphSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;


/**
 * Microsoft 365, end to end: the admin enters the Entra app registration in the console and sees the address
 * to register and the admin-consent link; Tom clicks "Connect Microsoft 365", signs in on the authorization
 * server's page (mock-oauth2-server) and comes back connected; his session reaches the Graph simulator with
 * CalSync's UID; moving it in Outlook moves the session (two-way); our own write never comes back as a busy
 * time; when Tom withdraws access he is told once by email and reconnects; removing the account deletes
 * CalSync's event. In the organisation-wide mode Amira is linked without signing in.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectMicrosoftUiIT {

    private static final String ADMIN = "admin@northwind.example";
    private static final String TOM = "tom.becker@northwind.example";
    private static final String TOM_365 = "tom.becker@northwind.onmicrosoft.example";
    private static final String CALENDAR = "AAMkAGtomCalendar=";
    private static final String AMIRA = "amira.haddad@northwind.example";
    private static final String AMIRA_CALENDAR = "AAMkAGamiraCalendar=";
    private static final String DIRECTORY = "northwind.onmicrosoft.example";
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The workshop's day, counted from today so that the pull window keeps it. */
    private static final LocalDate WORKSHOP_DAY = FixtureDates.fromToday().weeksAhead(9, DayOfWeek.WEDNESDAY);

    @RegisterExtension
    static final OAuthServer OAUTH = new OAuthServer();

    @RegisterExtension
    static final GraphSimulator GRAPH = new GraphSimulator().withMailbox(TOM_365, CALENDAR)
            .withCalendar(TOM_365, "AAMkAGtomBirthdays=", "Birthdays", false).withMailbox(AMIRA, AMIRA_CALENDAR)
            .onPort(Integer.getInteger("calsync.it.graph.port", 0)); // where Payara was told Graph answers

    private static MailRelay smtp;

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeAll
    static void startMailServer() {
        Browser.requireOrSkip();
        smtp = MailRelay.start();
    }

    @AfterAll
    static void stopMailServer() {
        if (smtp != null) {
            smtp.close();
        }
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    @Test
    void theAdminRegistersTheAppAndTomConnectsMicrosoft365() {
        try (Browser admin = Browser.atPublicAddress()) {
            new LoginPage(admin).signInAs(ADMIN, "calsync-demo");
            admin.open("admin/settings.xhtml");
            String redirect = admin.waitFor(By.id("microsoftRedirectUri")).getText();
            assertEquals("http://localhost:" + Integer.getInteger("calsync.it.http.port") + "/oauth/callback", redirect);
            admin.waitForText(By.id("microsoftMode"), "every hour");
            type(admin, "microsoftForm:directoryId", DIRECTORY);
            type(admin, "microsoftForm:clientId", "3f1c9a7e-calsync-northwind");
            type(admin, "microsoftForm:clientSecret", "not-a-real-secret~1");
            admin.driver().findElement(By.id("microsoftForm:saveMicrosoft")).click();
            admin.waitForText(By.id("messages"), "App registration saved");
            String consent = admin.waitFor(By.id("microsoftForm:adminConsentLink")).getAttribute("href");
            assertTrue(consent.contains("/" + DIRECTORY + "/adminconsent?client_id=3f1c9a7e-calsync-northwind"), consent);
            admin.waitForText(By.id("microsoftForm:adminConsent"), "Need admin approval");
            admin.screenshot("console-microsoft-registration");
            assertFalse(admin.driver().getPageSource().contains("not-a-real-secret"), "the secret is never shown again");
        }

        try (Browser browser = Browser.atPublicAddress()) {
            new LoginPage(browser).signInAs(TOM, "calsync-demo");
            new MyCalendarsPage(browser).startConsent("Microsoft 365");
            OAUTH.signIn(browser, TOM_365);
            browser.waitForText(By.id("messages"), "Connected " + TOM_365 + ": 2 calendars found");
            browser.waitForText(By.id("accountsForm"), "Microsoft 365");
            browser.screenshot("portal-microsoft-connected");
        }
        // Tom's upcoming demo sessions follow at once, written in bursts through $batch.
        Eventually.await("a burst through $batch", SOON, () -> GRAPH.requests().stream()
                .anyMatch(r -> r.startsWith("POST /v1.0/$batch")));
        Eventually.await("Tom's upcoming sessions are in Outlook", SOON,
                () -> GRAPH.calendar(TOM_365, CALENDAR).events().size() >= 2);

        String tom = api().personId(TOM);
        String title = "Graph workshop " + UUID.randomUUID().toString().substring(0, 6);
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London",
                 "venue":"Room 3","state":"ACTIVE"}""".formatted(title, FixtureDates.api(WORKSHOP_DAY.atTime(9, 0)),
                FixtureDates.api(WORKSHOP_DAY.atTime(11, 0)))).object().getString("id");
        assertEquals(200, api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + tom + "\"}").status());
        Eventually.await("the session reaches Tom's Microsoft 365 calendar", SOON, () -> pushed(title) != null);
        JsonObject pushed = pushed(title);
        assertEquals("GMT Standard Time", pushed.getString("originalStartTimeZone"), "London, the Windows way");
        assertEquals(FixtureDates.apiAnswer(WORKSHOP_DAY.atTime(9, 0)) + ".0000000",
                pushed.getJsonObject("start").getString("dateTime"));
        assertTrue(pushed.getJsonArray("singleValueExtendedProperties").toString().contains("CalSyncUid"));

        // Our own event comes back on the pull as an echo, never as a busy time.
        JsonArray echo = sync(tom);
        assertTrue(echo.toString().contains("\"outcome\":\"OK\""), echo.toString());
        assertTrue(api().get("people/" + tom + "/busy?from=" + WORKSHOP_DAY.minusDays(9) + "&to=" + WORKSHOP_DAY.plusDays(19))
                .array().stream()
                .noneMatch(b -> b.asJsonObject().getString("title", "").equals(title)), "the echo is no busy time");

        // Tom, the lead instructor, moves it in Outlook: two-way, so the session moves.
        GRAPH.moveByOwner(TOM_365, CALENDAR, pushed.getString("id"), WORKSHOP_DAY.atTime(14, 0).atZone(LONDON).toInstant(),
                WORKSHOP_DAY.atTime(16, 0).atZone(LONDON).toInstant());
        JsonArray moved = sync(tom);
        assertTrue(moved.toString().contains("was moved by Tom Becker"), moved.toString());
        assertEquals(FixtureDates.apiAnswer(WORKSHOP_DAY.atTime(14, 0)), api().get("sessions/" + session).object().getString("start"));

        // Tom withdraws CalSync's access: the next sync says so, he gets one email with a link to reconnect,
        // and reconnecting on the provider's page lets syncing resume.
        String accountId = api().get("people/" + tom + "/calendar-accounts").array().stream().map(v -> v.asJsonObject())
                .filter(a -> "MICROSOFT_365".equals(a.getString("provider"))).findFirst().orElseThrow().getString("id");
        GRAPH.refuseTokensSeenSoFar();
        sync(tom);
        assertEquals("NEEDS_RECONSENT", api().get("calendar-accounts/" + accountId).object().getString("status"));
        String notice = smtp.newestTextTo(TOM, 1);
        assertTrue(notice.contains("Sign in again on Microsoft 365\u2019s own page"), notice);
        assertTrue(notice.contains("http://localhost:" + Integer.getInteger("calsync.it.http.port")
                + "/portal/calendars.xhtml"), notice);
        sync(tom);
        assertEquals(1, smtp.receivedBy(TOM).length, "told once, not on every sync");
        try (Browser browser = Browser.atPublicAddress()) {
            new LoginPage(browser).signInAs(TOM, "calsync-demo");
            browser.open("portal/calendars.xhtml");
            browser.waitFor(By.cssSelector("[id$=':reconsent']")).click();
            OAUTH.signIn(browser, TOM_365);
            browser.waitForText(By.id("messages"), "Connected " + TOM_365);
        }
        assertTrue(sync(tom).toString().contains("\"outcome\":\"OK\""), "syncing resumes");

        // Removing the account deletes CalSync's event in Microsoft 365.
        Api.Reply removed = api().delete("calendar-accounts/" + accountId);
        assertEquals(200, removed.status(), removed.body());
        assertEquals(null, pushed(title), "CalSync's event is gone from Outlook");

        // Organisation-wide: with the application permission granted, Amira is linked without signing in, and
        // CalSync reaches her mailbox by address with the application's own token.
        Api.Reply orgWide = api().put("oauth-registrations/MICROSOFT_365", """
                {"directoryId":"%s","clientId":"3f1c9a7e-calsync-northwind","organisationWide":true}""".formatted(DIRECTORY));
        assertEquals(200, orgWide.status(), orgWide.body());
        String amira = api().personId(AMIRA);
        Api.Reply linked = api().post("people/" + amira + "/calendar-accounts", "{\"provider\":\"MICROSOFT_365\"}");
        assertEquals(201, linked.status(), linked.body());
        assertEquals(AMIRA, linked.object().getString("username"));
        String amiraTitle = "Organisation-wide " + UUID.randomUUID().toString().substring(0, 6);
        String amiraSession = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London",
                 "state":"ACTIVE"}""".formatted(amiraTitle, FixtureDates.api(WORKSHOP_DAY.plusDays(1).atTime(9, 0)),
                FixtureDates.api(WORKSHOP_DAY.plusDays(1).atTime(10, 0)))).object().getString("id");
        api().post("sessions/" + amiraSession + "/instructors", "{\"personId\":\"" + amira + "\"}");
        Eventually.await("the session reaches Amira's mailbox", SOON, () -> GRAPH.calendar(AMIRA, AMIRA_CALENDAR).events()
                .stream().anyMatch(e -> amiraTitle.equals(e.getString("subject", ""))));
        assertTrue(GRAPH.requests().stream().anyMatch(r -> r.contains("/v1.0/users/amira.haddad%40northwind.example/")),
                "by address, not /me");

        // Removing her account deletes CalSync's event there; the organisation's grant stays for everyone else.
        Api.Reply amiraRemoved = api().delete("calendar-accounts/" + linked.object().getString("id"));
        assertEquals(200, amiraRemoved.status(), amiraRemoved.body());
        assertTrue(GRAPH.calendar(AMIRA, AMIRA_CALENDAR).events().stream()
                .noneMatch(e -> amiraTitle.equals(e.getString("subject", ""))));
    }


    private static void type(Browser browser, String id, String text) {
        var field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private JsonArray sync(String personId) {
        Api.Reply reply = api().post("people/" + personId + "/sync", "");
        assertEquals(200, reply.status(), reply.body());
        return reply.array();
    }

    private static JsonObject pushed(String title) {
        return GRAPH.calendar(TOM_365, CALENDAR).events().stream().filter(e -> title.equals(e.getString("subject", "")))
                .findFirst().orElse(null);
    }

}
