package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OAuthServer;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.it.ui.pages.MyCalendarsPage;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.google.GoogleCalendarSimulator;
import org.calsync.testsupport.google.GoogleChannels;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import okhttp3.mockwebserver.RecordedRequest;

/**
 * Connecting Google in the portal, end to end: the admin registers the tenant's OAuth client, Lucie clicks
 * "Connect Google", signs in on the authorization server's own page (mock-oauth2-server), comes back connected,
 * and her sessions reach the Calendar API simulator. An answer with a forged state is refused. When Google
 * stops accepting CalSync's access, the account needs reconnecting, and one click on the provider's page
 * brings it back. Removing the account deletes CalSync's events and revokes the grant.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectGoogleUiIT {

    private static final String LUCIE = "lucie.martin@northwind.example";
    private static final String LUCIE_GOOGLE = "lucie.martin@gmail.example";
    private static final Duration SOON = Duration.ofSeconds(20);

    @RegisterExtension
    static final OAuthServer OAUTH = new OAuthServer();

    @RegisterExtension
    static final GoogleCalendarSimulator GOOGLE = new GoogleCalendarSimulator()
            .withCalendar(LUCIE_GOOGLE, LUCIE_GOOGLE, "owner").withCalendar("family@group.calendar.google.example",
                    "Family", "reader")
            .onPort(Integer.getInteger("calsync.it.google.port", 0)); // where Payara was told the API answers


    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeAll
    static void needsABrowser() {
        Browser.requireOrSkip();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    @Test
    void lucieConnectsGoogleAndHerSessionsArriveThere() throws Exception {
        Api.Reply registered = api().put("oauth-registrations/GOOGLE", """
                {"clientId":"calsync-northwind.apps.googleusercontent.example","clientSecret":"GOCSPX-not-a-real-one"}""");
        assertEquals(200, registered.status(), registered.body());
        JsonObject registration = registered.object();
        assertTrue(registration.getBoolean("configured"));
        assertTrue(registration.getString("redirectUri").endsWith("/oauth/callback"));
        assertFalse(registered.body().contains("GOCSPX"), "the secret never comes back");

        try (Browser browser = Browser.atPublicAddress()) {
            new LoginPage(browser).signInAs(LUCIE, "calsync-demo");

            // A callback that this session did not start is refused, and says so.
            browser.open("oauth/callback?state=forged&code=stolen");
            browser.waitForText(By.id("messages"), "did not belong to a connection started here");

            new MyCalendarsPage(browser).startConsent("Google Calendar");

            OAUTH.signIn(browser, LUCIE_GOOGLE);

            browser.waitForText(By.id("messages"), "Connected " + LUCIE_GOOGLE + ": 2 calendars found");
            browser.waitForText(By.id("accountsForm"), "Google Calendar");
            browser.screenshot("portal-google-connected");
        }

        RecordedRequest authorize = OAUTH.takeRequestTo("/google/authorize");
        assertTrue(authorize.getRequestUrl().queryParameter("code_challenge_method").equals("S256"));
        assertTrue(authorize.getRequestUrl().queryParameter("scope").contains("calendar.events"));
        RecordedRequest token = OAUTH.takeRequestTo("/google/token");
        assertTrue(token.getBody().readUtf8().contains("code_verifier="), "the verifier goes with the code");

        // Lucie's upcoming demo sessions follow at once, written in bursts through Google's batch endpoint.
        Eventually.await("a burst through the batch endpoint", SOON, () -> GOOGLE.batch().received().stream()
                .anyMatch(calls -> calls.size() > 1));
        String lucie = api().personId(LUCIE);
        String title = "Google workshop " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = LocalDate.now().plusDays(10);
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%sT09:00","end":"%sT11:00","timeZone":"Europe/Paris","venue":"Room 3",
                 "state":"ACTIVE"}""".formatted(title, day, day)).object().getString("id");
        assertEquals(200, api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + lucie + "\"}").status());
        Eventually.await("the session reaches Lucie's Google calendar", SOON, () -> GOOGLE.calendar(LUCIE_GOOGLE).events()
                .stream().anyMatch(e -> title.equals(e.getString("summary"))));
        JsonObject pushed = GOOGLE.calendar(LUCIE_GOOGLE).events().stream()
                .filter(e -> title.equals(e.getString("summary"))).findFirst().orElseThrow();
        assertEquals("Europe/Paris", pushed.getJsonObject("start").getString("timeZone"));
        assertTrue(pushed.getJsonObject("extendedProperties").getJsonObject("private").containsKey("calsyncUid"));

        String accountId = api().get("people/" + lucie + "/calendar-accounts").array().stream()
                .map(v -> v.asJsonObject()).filter(a -> "GOOGLE".equals(a.getString("provider")))
                .findFirst().orElseThrow().getString("id");

        // Lucie withdraws CalSync's access in her Google account: the next sync says so, and she consents again.
        GOOGLE.refuseTokensSeenSoFar();
        api().post("people/" + lucie + "/sync", "");
        Eventually.await("the account needs reconnecting", SOON, () -> "NEEDS_RECONSENT".equals(
                api().get("calendar-accounts/" + accountId).object().getString("status")));
        try (Browser browser = Browser.atPublicAddress()) {
            new LoginPage(browser).signInAs(LUCIE, "calsync-demo");
            browser.open("portal/calendars.xhtml");
            browser.waitForText(By.id("accountsForm"), "access was withdrawn");
            browser.waitFor(By.cssSelector("[id$=':reconsent']")).click();
            OAUTH.signIn(browser, LUCIE_GOOGLE);
            browser.waitForText(By.id("messages"), "Connected " + LUCIE_GOOGLE);
        }
        assertEquals("CONNECTED", api().get("calendar-accounts/" + accountId).object().getString("status"),
                "the same account, connected again");
        assertEquals(1, api().get("people/" + lucie + "/calendar-accounts").array().stream()
                .filter(a -> "GOOGLE".equals(a.asJsonObject().getString("provider"))).count());

        // With watching on, Google opens a channel on each calendar Lucie syncs, and a change in one is read
        // within seconds, without a sync being started; a call with a guessed token is refused.
        assertEquals(200, api().put("oauth-registrations/GOOGLE", """
                {"clientId":"calsync-northwind.apps.googleusercontent.example","watchChanges":true}""").status());
        Eventually.await("channels on Lucie's two calendars", SOON, () -> GOOGLE.channels().open().size() == 2);
        Eventually.await("Google's opening call is accepted", SOON, () -> GOOGLE.channels().deliveries().stream()
                .anyMatch(d -> d.kind().equals("sync") && d.status() == 200));
        GOOGLE.putByOwner(LUCIE_GOOGLE, Json.createObjectBuilder().add("summary", "Piano lesson")
                .add("start", Json.createObjectBuilder().add("dateTime", day.plusDays(1) + "T16:00:00Z"))
                .add("end", Json.createObjectBuilder().add("dateTime", day.plusDays(1) + "T17:00:00Z")).build());
        Eventually.await("the change is read within seconds", SOON, () -> api().get("people/" + lucie + "/busy?from="
                + day + "&to=" + day.plusDays(3)).array().stream()
                .anyMatch(b -> "Piano lesson".equals(b.asJsonObject().getString("title", ""))));
        GoogleChannels.Channel channel = GOOGLE.channels().open().get(0);
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                url.toString().replaceAll("/+$", "") + "/api/v1/notifications/google"))
                .header("X-Goog-Channel-ID", channel.id()).header("X-Goog-Channel-Token", "guessed")
                .header("X-Goog-Resource-ID", channel.resourceId()).header("X-Goog-Resource-State", "exists")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), forged.body());

        // Removing the account deletes CalSync's events in Google, stops its channels and revokes the grant.
        Api.Reply removed = api().delete("calendar-accounts/" + accountId);
        assertEquals(200, removed.status(), removed.body());
        assertTrue(GOOGLE.channels().open().isEmpty(), "the channels are stopped");
        api().put("oauth-registrations/GOOGLE", """
                {"clientId":"calsync-northwind.apps.googleusercontent.example","watchChanges":false}""");
        assertTrue(GOOGLE.calendar(LUCIE_GOOGLE).events().stream().noneMatch(e -> title.equals(e.getString("summary"))));
        OAUTH.takeRequestTo("/google/revoke");
    }



}
