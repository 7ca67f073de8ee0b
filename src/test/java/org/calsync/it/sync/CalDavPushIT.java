package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push, end to end: an account linked through the provisioning API, session changes committed in CalSync,
 * and the events as a real Radicale server holds them.
 */
@ExtendWith(ArquillianExtension.class)
class CalDavPushIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("amira", "amira-secret")
            .withUser("lucie", "lucie-secret").withUser("tom", "tom-secret")
            .withUser("fay", "fay-app-password");

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final FixtureDates DAYS = FixtureDates.fromToday();

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    private JsonObject link(String personId, String user, String password) {
        Api.Reply linked = api().post("people/" + personId + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"%s","password":"%s"}""".formatted(RADICALE.base(), user, password));
        assertEquals(201, linked.status(), linked.body());
        return linked.object();
    }

    private String createSession(String title, LocalDateTime start, LocalDateTime end) {
        Api.Reply created = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"Room 7",
                 "meetingLink":"https://meet.example.com/push"}""".formatted(title, FixtureDates.api(start), FixtureDates.api(end)));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    @Test
    void sessionChangesReachTheLinkedCalendarAndRemovingTheAccountCleansUp() {
        URI calendar = RADICALE.createCalendar("amira", "sessions");
        String amira = api().personId("amira.haddad@northwind.example");
        JsonObject account = link(amira, "amira", "amira-secret");
        assertEquals("CONNECTED", account.getString("status"));
        assertTrue(account.getJsonArray("calendars").getJsonObject(0).getBoolean("pushTarget"));
        assertTrue(!account.toString().contains("amira-secret"), "the secret never comes back");

        String title = "Pushed Workshop " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = DAYS.workdayAhead(14);
        String session = createSession(title, day.atTime(9, 30), day.atTime(12, 0));
        assertEquals(200, api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + amira + "\"}").status());
        Eventually.await("the event appears in Radicale", SOON, () -> RADICALE.eventsContaining("amira", calendar, title).size() == 1);
        String event = RADICALE.eventsContaining("amira", calendar, title).get(0);
        assertTrue(event.contains("DTSTART;TZID=Europe/London:" + FixtureDates.ical(day.atTime(9, 30))), event);
        assertTrue(event.contains("LOCATION:Room 7"), event);
        assertTrue(event.contains("https://meet.example.com/push"), event);

        // Another instructor joins, then leaves: Amira's own event follows the staff list both times.
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String theo = api().createInstructor("theo-" + suffix + "@northwind.example", "Theo Second " + suffix, "Europe/London");
        assertEquals(200, api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + theo + "\"}").status());
        Eventually.await("Amira's event names Theo", SOON, () -> RADICALE.eventsContaining("amira", calendar, title).stream()
                .anyMatch(e -> e.replace("\r\n ", "").contains("Also teaching: Theo Second " + suffix)));
        assertEquals(200, api().delete("sessions/" + session + "/instructors/" + theo).status());
        Eventually.await("Amira's event no longer names Theo", SOON, () -> RADICALE.eventsContaining("amira", calendar, title)
                .stream().noneMatch(e -> e.replace("\r\n ", "").contains("Theo Second")));

        // Moved past the clock change: the same event, with the new time, and still only one.
        LocalDate across = FixtureDates.acrossTheClockChange(ZoneId.of("Europe/London"), day);
        api().put("sessions/" + session, """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"Room 8"}
                """.formatted(title, FixtureDates.api(across.atTime(14, 0)), FixtureDates.api(across.atTime(16, 0))));
        Eventually.await("the event moves", SOON, () -> RADICALE.eventsContaining("amira", calendar, title).stream()
                .anyMatch(e -> e.contains("DTSTART;TZID=Europe/London:" + FixtureDates.ical(across.atTime(14, 0)))));
        assertEquals(1, RADICALE.eventsContaining("amira", calendar, title).size());

        api().delete("sessions/" + session + "/instructors/" + amira);
        Eventually.await("unassigning removes the event", SOON, () -> RADICALE.eventsContaining("amira", calendar, title).isEmpty());

        api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + amira + "\"}");
        Eventually.await("assigned again", SOON, () -> RADICALE.eventsContaining("amira", calendar, title).size() == 1);
        api().post("sessions/" + session + "/cancel", "");
        Eventually.await("cancelling removes the event", SOON, () -> RADICALE.eventsContaining("amira", calendar, title).isEmpty());

        int before = RADICALE.events("amira", calendar).size();
        assertTrue(before > 0, "linking pushed Amira's demo sessions too");
        Api.Reply removed = api().delete("calendar-accounts/" + account.getString("id"));
        assertEquals(200, removed.status(), removed.body());
        assertEquals(before, removed.object().getInt("deletedEvents"));
        assertEquals(List.of(), RADICALE.events("amira", calendar), "no event of ours is left");
        assertEquals(404, api().get("calendar-accounts/" + account.getString("id")).status());
    }

    @Test
    void anOutageDelaysThePushAndNothingIsDuplicatedOrLost() throws Exception {
        URI calendar = RADICALE.createCalendar("lucie", "work");
        String lucie = api().personId("lucie.martin@northwind.example");
        link(lucie, "lucie", "lucie-secret");
        String title = "Resilience Review " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = DAYS.workdayAhead(21);
        String session = createSession(title, day.atTime(10, 0), day.atTime(11, 0));

        RADICALE.stop();
        try {
            api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + lucie + "\"}");
            Eventually.await("the first attempt fails while the server is down", SOON,
                    () -> api().get("push-failures").body().contains(title));
            JsonObject waiting = api().get("push-failures").array().stream().map(v -> v.asJsonObject())
                    .filter(f -> f.getString("sessionTitle").equals(title)).findFirst().orElseThrow();
            assertEquals("UNREACHABLE", waiting.getString("failureKind"), waiting.toString());
        } finally {
            RADICALE.start();
        }
        Eventually.await("the postponed push is delivered once Radicale is back", Duration.ofSeconds(75),
                () -> RADICALE.eventsContaining("lucie", calendar, title).size() == 1);
        assertEquals(1, RADICALE.eventsContaining("lucie", calendar, title).size());
    }

    @Test
    void aPasswordChangedOnTheServerHoldsPushesUntilTheAccountIsReconnected() throws Exception {
        URI calendar = RADICALE.createCalendar("tom", "classes");
        // A person of this test's own, so that no account linked by another test class (to a Radicale that has
        // stopped since) keeps this session's push failing.
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Reply created = api().post("people", """
                {"email":"reconnect-%s@northwind.example","displayName":"Rita Connect %s","timeZone":"Europe/London",
                 "roles":["Instructor"]}""".formatted(suffix, suffix));
        assertEquals(201, created.status(), created.body());
        String rita = created.object().getString("id");
        JsonObject account = link(rita, "tom", "tom-secret");
        String accountPath = "calendar-accounts/" + account.getString("id");
        assertEquals("CONNECTED", account.getString("status"));

        RADICALE.changePassword("tom", "a-new-password");
        String title = "Reconnect Check " + suffix;
        LocalDate day = DAYS.workdayAhead(28);
        String session = createSession(title, day.atTime(9, 0), day.atTime(10, 0));
        api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + rita + "\"}");
        Eventually.await("the account needs reconnecting", Duration.ofSeconds(75),
                () -> api().get(accountPath).object().getString("status").equals("NEEDS_RECONSENT"));
        JsonObject refused = api().get(accountPath).object();
        assertTrue(refused.getString("statusMessage").contains("401"), refused.toString());
        assertEquals("SIGN_IN", refused.getString("statusKind"), "the kind of problem, for pages and API clients alike");
        Eventually.await("the waiting push is listed for the admin", SOON,
                () -> api().get("push-failures").body().contains(title));
        assertTrue(RADICALE.eventsContaining("tom", calendar, title).isEmpty(), "the push waits for the new password");
        JsonObject waiting = api().get("push-failures").array().stream().map(v -> v.asJsonObject())
                .filter(f -> f.getString("sessionTitle").equals(title)).findFirst().orElseThrow();
        assertEquals("PENDING", waiting.getString("state"));
        assertEquals("SIGN_IN", waiting.getString("failureKind"), waiting.toString());
        assertEquals("Rita Connect " + suffix, waiting.getString("personName"));
        Api riverside = new Api(url, "csk_demo_riverside_0000000000000001");
        assertFalse(riverside.get("push-failures").body().contains(title), "other tenants never see it");
        assertEquals(404, riverside.post("push-failures/" + waiting.getString("id") + "/retry", "").status());
        Api.Reply notDead = api().delete("push-failures/" + waiting.getString("id"));
        assertEquals(409, notDead.status(), "a push still being retried cannot be discarded: " + notDead.body());
        if (CalSyncDeployment.onPostgres()) {
            discardingAPushThatGaveUp(rita, suffix);
        }
        assertEquals(204, api().post("push-failures/" + waiting.getString("id") + "/retry", "").status(),
                "an admin may try again at any time; here it waits for the reconnect again");

        Api.Reply stillWrong = api().post(accountPath + "/reconnect", "{\"password\":\"tom-secret\"}");
        assertEquals(400, stillWrong.status(), stillWrong.body());
        assertEquals("password", stillWrong.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("NEEDS_RECONSENT", api().get(accountPath).object().getString("status"), "a refused password changes nothing");

        Api.Reply reconnected = api().post(accountPath + "/reconnect", "{\"password\":\"a-new-password\"}");
        assertEquals(200, reconnected.status(), reconnected.body());
        assertEquals("CONNECTED", reconnected.object().getString("status"));
        // The waiting push was postponed by an hour; reconnecting sends it at once.
        Eventually.await("the waiting session reaches the calendar", SOON,
                () -> RADICALE.eventsContaining("tom", calendar, title).size() == 1);
        assertFalse(api().get(accountPath).body().contains("a-new-password"), "the secret is never shown");
        Eventually.await("nothing left failing for this session", SOON,
                () -> !api().get("push-failures").body().contains(title));
    }

    /**
     * A push that gave up can be discarded. Giving up takes 20 attempts over about eleven hours, so the test
     * ages one entry in the database (PostgreSQL pass only, where the test can reach the database).
     */
    private void discardingAPushThatGaveUp(String personId, String suffix) throws Exception {
        String title = "Gave Up " + suffix;
        LocalDate day = DAYS.workdayAhead(29);
        String session = createSession(title, day.atTime(9, 0), day.atTime(10, 0));
        api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + personId + "\"}");
        Eventually.await("the push waits", SOON, () -> api().get("push-failures").body().contains(title));
        String entry = api().get("push-failures").array().stream().map(v -> v.asJsonObject())
                .filter(f -> f.getString("sessionTitle").equals(title)).findFirst().orElseThrow().getString("id");
        try (Connection db = CalSyncDeployment.postgres();
                PreparedStatement dead = db.prepareStatement(
                        "UPDATE outbox_entry SET state = 'DEAD', attempts = 20, version = version + 1 WHERE id = ?")) {
            dead.setString(1, entry);
            assertEquals(1, dead.executeUpdate());
        }
        assertTrue(api().get("push-failures").array().stream().map(v -> v.asJsonObject())
                .anyMatch(f -> f.getString("id").equals(entry) && f.getString("state").equals("DEAD")));
        assertEquals(204, api().delete("push-failures/" + entry).status());
        assertFalse(api().get("push-failures").body().contains(entry), "a discarded push is gone");
        assertEquals(404, api().delete("push-failures/" + entry).status());
    }

    /**
     * Fastmail, the kind added by following the README's "Adding a calendar kind": CalDAV at another host, signed in
     * with an app password. Given an address, it is linked and written to like any CalDAV calendar.
     */
    @Test
    void aFastmailAccountIsLinkedAndReceivesItsSessions() {
        URI calendar = RADICALE.createCalendar("fay", "fastmail");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String fay = api().createInstructor("fay-" + suffix + "@northwind.example", "Fay Fastmail " + suffix,
                "Europe/London");
        Api.Reply linked = api().post("people/" + fay + "/calendar-accounts", """
                {"provider":"FASTMAIL","serverUrl":"%s","username":"fay","password":"fay-app-password"}"""
                .formatted(RADICALE.base()));
        assertEquals(201, linked.status(), linked.body());
        assertEquals("FASTMAIL", linked.object().getString("provider"));
        assertEquals("APP_PASSWORD", linked.object().getString("signIn"));
        assertEquals("CONNECTED", linked.object().getString("status"));

        String title = "Fastmail Review " + suffix;
        LocalDate day = DAYS.workdayAhead(9);
        String session = createSession(title, day.atTime(10, 0), day.atTime(11, 0));
        assertEquals(200, api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + fay + "\"}").status());
        Eventually.await("the event appears in Fay's calendar", SOON,
                () -> RADICALE.eventsContaining("fay", calendar, title).size() == 1);
    }

    @Test
    void refusedCredentialsAndDisabledProvidersAreClearErrors() {
        String amira = api().personId("amira.haddad@northwind.example");
        Api.Reply wrong = api().post("people/" + amira + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"amira","password":"nope"}""".formatted(RADICALE.base()));
        assertEquals(400, wrong.status());
        assertEquals("password", wrong.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply riverside = new Api(url, "csk_demo_riverside_0000000000000001").post("people/"
                + new Api(url, "csk_demo_riverside_0000000000000001").get("people").array().getJsonObject(0).getString("id")
                + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"amira","password":"amira-secret"}""".formatted(RADICALE.base()));
        assertEquals(400, riverside.status(), "Riverside has not enabled calendar integration");
        assertEquals("provider", riverside.object().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
