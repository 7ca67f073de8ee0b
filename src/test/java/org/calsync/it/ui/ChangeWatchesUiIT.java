package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OAuthServer;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.graph.GraphSimulator;
import org.calsync.testsupport.graph.GraphSubscriptions.Subscription;
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
 * Watched calendars with Microsoft 365, end to end: the admin turns watching on for the tenant; Graph validates CalSync's
 * address and subscribes to Wanda's calendar; an event she adds in Outlook is read within seconds without any
 * sync being started; a forged call is refused and pulls nothing; Graph's lifecycle events renew or remake the
 * subscription; the console says watching is the active mode; turning it off ends the subscription.
 */
@ExtendWith(ArquillianExtension.class)
class ChangeWatchesUiIT {

    private static final String ADMIN = "admin@northwind.example";
    private static final String WANDA = "wanda.webb@northwind.example";
    private static final String CALENDAR = "AAMkAGwandaCalendar=";
    private static final String DIRECTORY = "northwind.onmicrosoft.example";
    private static final Duration SECONDS = Duration.ofSeconds(15);
    /** The day of Wanda's appointment, counted from today so that the pull window keeps it. */
    private static final LocalDate DENTIST_DAY = FixtureDates.fromToday().workdayAhead(10);

    @RegisterExtension
    static final OAuthServer OAUTH = new OAuthServer();

    @RegisterExtension
    static final GraphSimulator GRAPH = new GraphSimulator().withMailbox(WANDA, CALENDAR)
            .onPort(Integer.getInteger("calsync.it.graph.port", 0));

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
    void changesInOutlookArriveWithinSecondsThroughGraphsNotifications() throws Exception {
        try {
            register(true);
            String wanda = api().createInstructor(WANDA, "Wanda Webb", "Europe/London");
            Api.Reply linked = api().post("people/" + wanda + "/calendar-accounts", "{\"provider\":\"MICROSOFT_365\"}");
            assertEquals(201, linked.status(), linked.body());
            String accountId = linked.object().getString("id");

            // Graph called CalSync's address with a validation token before it subscribed.
            Eventually.await("Graph subscribes to Wanda's calendar", SECONDS, () -> subscriptions().size() == 1);
            Subscription subscription = subscriptions().get(0);
            assertEquals("users/" + WANDA + "/calendars/" + CALENDAR + "/events", subscription.resource());
            assertEquals(URI.create("http://localhost:" + Integer.getInteger("calsync.it.http.port")
                    + "/api/v1/notifications/microsoft"), subscription.notificationUrl());
            JsonObject status = api().get("oauth-registrations/MICROSOFT_365").object().getJsonObject("watchStatus");
            assertEquals(1, status.getInt("watchedCalendars"));
            assertTrue(!status.containsKey("problem") || status.isNull("problem"), status.toString());

            // Wanda adds a dentist appointment in Outlook; nobody starts a sync, yet it is a busy time in seconds.
            int runsBefore = runs(accountId);
            Instant dentist = DENTIST_DAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
            GRAPH.putByOwner(WANDA, CALENDAR, null, Json.createObjectBuilder().add("subject", "Dentist").add("showAs", "busy")
                    .add("start", GraphSimulator.utcTime(dentist))
                    .add("end", GraphSimulator.utcTime(dentist.plus(Duration.ofHours(1)))).build());
            Eventually.await("the notified pull reads the new event", SECONDS, () -> busyTitles(wanda).contains("Dentist"));
            assertTrue(runs(accountId) > runsBefore, "the pull is logged like any other");
            assertTrue(GRAPH.subscriptions().deliveries().stream().anyMatch(d -> d.status() == 202),
                    GRAPH.subscriptions().deliveries().toString());

            // A call naming the subscription without its clientState is refused and pulls nothing.
            int runsAfterChange = runs(accountId);
            HttpResponse<String> forged = postNotification("", """
                    {"value":[{"subscriptionId":"%s","clientState":"guessed","changeType":"updated",
                     "resource":"Users/x/Events/y"}]}""".formatted(subscription.id()));
            assertEquals(403, forged.statusCode(), forged.body());
            HttpResponse<String> stale = postNotification("", """
                    {"value":[{"subscriptionId":"no-longer-ours","clientState":"x","changeType":"updated"}]}""");
            assertEquals(202, stale.statusCode(), "a subscription CalSync no longer holds is accepted and ignored");
            HttpResponse<String> junk = postNotification("", "not json");
            assertEquals(400, junk.statusCode());
            Thread.sleep(1500);
            assertEquals(runsAfterChange, runs(accountId), "no pull for a forged call");

            // The handshake echoes the token exactly, decoded, as plain text.
            HttpResponse<String> handshake = postNotification("?validationToken=Validation%3A%20a%20b%2Bc", "");
            assertEquals(200, handshake.statusCode());
            assertEquals("Validation: a b+c", handshake.body());
            assertTrue(handshake.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));

            // Graph asks for reauthorization: CalSync renews the subscription at once.
            Instant expiry = subscription.expiration();
            Thread.sleep(1100); // expirations are written to the second
            GRAPH.subscriptions().tellLifecycle(subscription.id(), "reauthorizationRequired");
            Eventually.await("the subscription is renewed", SECONDS, () -> subscriptions().size() == 1
                    && subscriptions().get(0).expiration().isAfter(expiry));
            assertTrue(GRAPH.requests().stream().anyMatch(r -> r.startsWith("PATCH /v1.0/subscriptions/" + subscription.id())));

            // Graph removes the subscription on its side: CalSync makes a new one.
            GRAPH.subscriptions().removeAndTell(subscription.id());
            Eventually.await("a new subscription replaces the removed one", SECONDS, () -> subscriptions().size() == 1
                    && !subscriptions().get(0).id().equals(subscription.id()));

            try (Browser admin = Browser.atPublicAddress()) {
                new LoginPage(admin).signInAs(ADMIN, "calsync-demo");
                admin.open("admin/settings.xhtml");
                admin.waitForText(By.id("microsoftMode"), "Active mode: watching");
                admin.waitForText(By.id("microsoftMode"), "Calendars watched: 1");
                admin.waitForText(By.id("microsoftForm:watchStatus"), "CALSYNC_PUBLIC_URL");
                ((org.openqa.selenium.JavascriptExecutor) admin.driver())
                        .executeScript("document.getElementById('microsoftMode').scrollIntoView({block: 'center'})");
                admin.screenshot("console-microsoft-watching");
            }

            // Turned off, the subscription ends and changes come back by polling again.
            String current = subscriptions().get(0).id();
            register(false);
            Eventually.await("the subscription is ended", SECONDS, () -> subscriptions().isEmpty());
            assertTrue(GRAPH.requests().contains("DELETE /v1.0/subscriptions/" + current), GRAPH.requests().toString());
            // CalSync forgets its record just after Graph answered the DELETE.
            Eventually.await("no calendar is counted as watched", SECONDS, () -> api().get("oauth-registrations/MICROSOFT_365")
                    .object().getJsonObject("watchStatus").getInt("watchedCalendars") == 0);
            assertNotEquals(403, api().delete("calendar-accounts/" + accountId).status());
        } finally {
            // Other tests expect the consent mode without watching.
            api().put("oauth-registrations/MICROSOFT_365", """
                    {"directoryId":"%s","clientId":"3f1c9a7e-calsync-northwind","clientSecret":"not-a-real-secret~1",
                     "organisationWide":false,"watchChanges":false}""".formatted(DIRECTORY));
        }
    }

    private void register(boolean watchChanges) {
        Api.Reply saved = api().put("oauth-registrations/MICROSOFT_365", """
                {"directoryId":"%s","clientId":"3f1c9a7e-calsync-northwind","clientSecret":"not-a-real-secret~1",
                 "organisationWide":true,"watchChanges":%s}""".formatted(DIRECTORY, watchChanges));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(watchChanges, saved.object().getBoolean("watchChanges"));
    }

    private static List<Subscription> subscriptions() {
        return GRAPH.subscriptions().all();
    }

    private List<String> busyTitles(String personId) {
        return api().get("people/" + personId + "/busy?from=" + DENTIST_DAY.minusDays(1) + "&to=" + DENTIST_DAY.plusDays(3)).array().stream()
                .map(b -> b.asJsonObject().getString("title", "")).toList();
    }

    private int runs(String accountId) {
        return api().get("calendar-accounts/" + accountId + "/sync-runs").array().size();
    }

    private HttpResponse<String> postNotification(String query, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/+$", "")
                + "/api/v1/notifications/microsoft" + query)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
