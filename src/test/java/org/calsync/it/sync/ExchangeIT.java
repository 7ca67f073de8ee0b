package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedItem;
import org.calsync.testsupport.ews.SimulatedMailbox;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On-premise Exchange end to end: an admin configures it through the API, tests the connection, people
 * connect, and sessions and busy times flow through the schema-validating EWS simulator.
 */
@ExtendWith(ArquillianExtension.class)
class ExchangeIT {

    private static final String AMIRA = "amira.haddad@northwind.example";
    private static final String TOM = "tom.becker@northwind.example";
    private static final String PETRA = "petra.novak@northwind.example";

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withServiceAccount("svc-calsync", "svc-secret")
            .withUser("tom", "tom-secret", TOM).withUser("petra", "petra-secret", PETRA)
            .onPort(Integer.getInteger("calsync.it.ews.port", 0)); // where Payara was told Autodiscover answers

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Every fixture day is counted from today, so that it stays inside the pull window. */
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

    @AfterEach
    void everyRequestValidated() {
        List<String> violations = EWS.takeViolations();
        assertTrue(violations.isEmpty(), String.join("\n\n", violations));
    }

    /**
     * Streaming is off here: these tests fail or count the next calls, which a notified pull could take first;
     * ExchangeStreamingIT covers it.
     */
    private Api.Reply configure(String mode, String password) {
        return api().put("exchange-settings", """
                {"ewsUrl":"%s","serverVersion":"EXCHANGE_2016","authMode":"%s","authScheme":"NTLM","streamChanges":false,
                 "serviceUsername":"NORTHWIND\\\\svc-calsync","servicePassword":%s}"""
                .formatted(EWS.url(), mode, password == null ? "null" : "\"" + password + "\""));
    }

    private String createPerson(String email, String name) {
        return api().createInstructor(email, name, "Europe/London");
    }

    /** Runs Test connection for the mailbox and checks its verdict and its words. */
    private void testConnectionSays(String mailbox, boolean ok, String... words) {
        JsonObject result = test(mailbox);
        assertEquals(ok, result.getBoolean("ok"), result.toString());
        for (String word : words) {
            assertTrue(result.getString("message").contains(word), result.toString());
        }
    }

    private JsonObject test(String mailbox) {
        return api().post("exchange-settings/test", "{\"mailbox\":\"" + mailbox + "\"}").object();
    }

    @Test
    void aServiceAccountActsForEveryoneAndTestConnectionSaysWhatFailed() {
        EWS.mailbox(AMIRA);
        EWS.clearRequests();
        Api.Reply saved = configure("SERVICE_ACCOUNT_IMPERSONATION", "not-the-password");
        assertEquals(200, saved.status(), saved.body());
        assertTrue(saved.object().getBoolean("servicePasswordSet"));
        assertFalse(saved.body().contains("not-the-password"), "the password is never shown");

        testConnectionSays(AMIRA, false, "refused the sign-in");

        assertEquals(200, configure("SERVICE_ACCOUNT_IMPERSONATION", "svc-secret").status());
        testConnectionSays(AMIRA, true, AMIRA);
        testConnectionSays("nobody@northwind.example", false, "no mailbox");
        EWS.revokeImpersonation("svc-calsync");
        try {
            testConnectionSays(AMIRA, false, "ApplicationImpersonation");
        } finally {
            EWS.withServiceAccount("svc-calsync", "svc-secret");
        }
        EWS.failNext(new EwsSimulator.Fault.HttpStatus(503));
        testConnectionSays(AMIRA, false, "could not talk to Exchange");
        assertEquals(200, configure("SERVICE_ACCOUNT_IMPERSONATION", null).status(), "a blank password keeps the stored one");
        assertTrue(test(AMIRA).getBoolean("ok"));

        // Amira connects with nothing to enter; her sessions appear in her Exchange calendar.
        String amira = api().personId(AMIRA);
        Api.Reply linked = api().post("people/" + amira + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}");
        assertEquals(201, linked.status(), linked.body());
        String accountId = linked.object().getString("id");
        Api.Reply twice = api().post("people/" + amira + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}");
        assertEquals(409, twice.status(), "the same mailbox is linked once: " + twice.body());
        String title = "Exchange Push " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate pushDay = DAYS.weeksAhead(3, DayOfWeek.TUESDAY);
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/Berlin",
                 "venue":"Room 4"}""".formatted(title, FixtureDates.api(pushDay.atTime(9, 0)), FixtureDates.api(pushDay.atTime(11, 0))))
                .object().getString("id");
        api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + amira + "\"}");
        SimulatedMailbox mailbox = EWS.mailbox(AMIRA);
        Eventually.await("the session is in Amira's Exchange calendar", SOON,
                () -> mailbox.items().stream().anyMatch(i -> i.subject().equals(title)));
        SimulatedItem pushed = mailbox.items().stream().filter(i -> i.subject().equals(title)).findFirst().orElseThrow();
        assertEquals("W. Europe Standard Time", pushed.startTimeZoneId());
        assertEquals(pushDay.atTime(9, 0).atZone(BERLIN).toInstant(), pushed.start(), "09:00 in Berlin");
        assertTrue(EWS.requests().stream().allMatch(r -> r.impersonated() == null || r.impersonated().equals(AMIRA)
                || r.impersonated().startsWith("nobody")), "CalSync acts for Amira's mailbox only");

        // Exchange throttles the next call: the push waits as long as BackOffMilliseconds says, not its own back-off.
        EWS.clearRequests();
        EWS.failNext(new EwsSimulator.Fault.ServerBusy(12_000L));
        String throttledTitle = "Exchange Throttled " + UUID.randomUUID().toString().substring(0, 6);
        String throttled = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/Berlin"}"""
                .formatted(throttledTitle, FixtureDates.api(pushDay.plusWeeks(1).atTime(9, 0)),
                        FixtureDates.api(pushDay.plusWeeks(1).atTime(11, 0)))).object().getString("id");
        api().post("sessions/" + throttled + "/instructors", "{\"personId\":\"" + amira + "\"}");
        Eventually.await("the throttled push is listed as retrying", SOON,
                () -> api().get("push-failures").body().contains(throttledTitle));
        JsonObject waiting = api().get("push-failures").array().stream().map(v -> v.asJsonObject())
                .filter(f -> f.getString("sessionTitle").equals(throttledTitle)).findFirst().orElseThrow();
        assertTrue(waiting.getString("lastError").contains("ErrorServerBusy"), waiting.toString());
        Duration planned = Duration.between(EWS.requests().get(0).at(), Instant.parse(waiting.getString("nextAttemptAt")));
        assertTrue(planned.compareTo(Duration.ofSeconds(11)) > 0 && planned.compareTo(Duration.ofSeconds(14)) < 0,
                "the retry is planned BackOffMilliseconds later: " + planned);
        Eventually.await("the throttled push gets through once Exchange is ready", Duration.ofSeconds(30),
                () -> mailbox.items().stream().anyMatch(i -> i.subject().equals(throttledTitle)));
        List<EwsSimulator.Recorded> calls = EWS.requests();
        // The retry's write carries the title; the hourly pull may also ask Exchange meanwhile (at minute 5).
        EwsSimulator.Recorded retry = calls.stream().skip(1).filter(c -> c.body() != null && c.body().contains(throttledTitle))
                .findFirst().orElseThrow(() -> new AssertionError("no retried write in " + calls));
        Duration waited = Duration.between(calls.get(0).at(), retry.at());
        assertTrue(waited.compareTo(Duration.ofSeconds(12)) >= 0 && waited.compareTo(Duration.ofSeconds(20)) < 0,
                "Exchange was asked again after " + waited + ", woken for the retry rather than at the next sweep");

        // Her own appointments come back as busy times.
        Instant day = pushDay.plusDays(1).atTime(13, 0).toInstant(ZoneOffset.UTC);
        mailbox.add("Dentist", day, day.plus(1, ChronoUnit.HOURS));
        Api.Reply synced = api().post("people/" + amira + "/sync", "");
        assertEquals(200, synced.status(), synced.body());
        String busy = api().get("people/" + amira + "/busy?" + daysAround(day, 2)).body();
        assertTrue(busy.contains("Dentist") && busy.contains(day.toString()), busy);
        assertFalse(busy.contains(title), "her CalSync session is no busy block of its own: " + busy);

        // Removing the account deletes what CalSync wrote there, and only that.
        Api.Reply removed = api().delete("calendar-accounts/" + accountId);
        assertEquals(200, removed.status(), removed.body());
        assertTrue(mailbox.items().stream().noneMatch(i -> i.subject().equals(title)));
        assertTrue(mailbox.items().stream().anyMatch(i -> i.subject().equals("Dentist")));
    }

    @Test
    void outagesTwoWayMovesAndTheMassDeletionGuardWorkOnExchangeToo() {
        assertEquals(200, configure("SERVICE_ACCOUNT_IMPERSONATION", "svc-secret").status());
        String tom = api().personId(TOM);
        SimulatedMailbox mailbox = EWS.mailbox(TOM);
        Api.Reply linked = api().post("people/" + tom + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}");
        assertEquals(201, linked.status(), linked.body());
        String accountId = linked.object().getString("id");

        // Exchange fails the first call: the push is retried and lands once.
        EWS.failNext(new EwsSimulator.Fault.HttpStatus(500));
        String title = "Exchange Two-Way " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate sessionDay = DAYS.weeksAhead(10, DayOfWeek.TUESDAY);
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London"}"""
                .formatted(title, FixtureDates.api(sessionDay.atTime(9, 0)), FixtureDates.api(sessionDay.atTime(10, 0))))
                .object().getString("id");
        api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + tom + "\"}");
        Eventually.await("the push lands after the failure", Duration.ofSeconds(30),
                () -> mailbox.items().stream().anyMatch(i -> i.subject().equals(title)));
        assertEquals(1, mailbox.items().stream().filter(i -> i.subject().equals(title)).count(), "no duplicate");
        api().post("people/" + tom + "/sync", "");

        // Tom leads the session and moves it in Outlook: two-way, so the session moves.
        SimulatedItem ours = mailbox.items().stream().filter(i -> i.subject().equals(title)).findFirst().orElseThrow();
        mailbox.move(ours.id(), ours.start().plus(2, ChronoUnit.HOURS), ours.end().plus(2, ChronoUnit.HOURS));
        String moved = api().post("people/" + tom + "/sync", "").body();
        assertTrue(moved.contains("was moved by Tom Becker"), moved);
        assertEquals(FixtureDates.apiAnswer(sessionDay.atTime(11, 0)), api().get("sessions/" + session).object().getString("start"));

        // Most of his calendar vanishing at once is held back until an admin releases it.
        Instant day = sessionDay.plusDays(9).atTime(8, 0).toInstant(ZoneOffset.UTC);
        List<SimulatedItem> added = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant start = day.plus(i, ChronoUnit.HOURS);
            added.add(mailbox.add("Block " + i, start, start.plus(30, ChronoUnit.MINUTES)));
        }
        api().post("people/" + tom + "/sync", "");
        added.subList(0, 19).forEach(item -> mailbox.delete(item.id()));
        String held = api().post("people/" + tom + "/sync", "").body();
        assertTrue(held.contains("HELD"), held);
        assertTrue(api().get("people/" + tom + "/busy?" + daysAround(day, 1)).body()
                .contains("Block 0"), "nothing was removed while held");
        assertEquals(200, api().delete("calendar-accounts/" + accountId).status());
    }

    @Test
    void planningSeesExchangeFreeBusyForPeopleWhoLinkedNothing() {
        assertEquals(200, configure("SERVICE_ACCOUNT_IMPERSONATION", "svc-secret").status());
        // People of this test's own: someone else's test may have linked a calendar for a demo person.
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "planner-" + suffix + "@northwind.example";
        String planner = createPerson(email, "Pat Planner " + suffix);
        String nobody = createPerson("nomailbox-" + suffix + "@northwind.example", "Nia Nomail " + suffix);
        Instant review = DAYS.weeksAhead(8, DayOfWeek.TUESDAY).atTime(12, 0).toInstant(ZoneOffset.UTC);
        EWS.mailbox(email).add("Team review", review, review.plus(1, ChronoUnit.HOURS));
        EWS.clearRequests();

        Api.Reply reply = api().get("availability?people=" + planner + "," + nobody + "&" + daysAround(review, 2));
        assertEquals(200, reply.status(), reply.body());
        JsonObject plannerRow = reply.array().getJsonObject(0);
        assertEquals("EXCHANGE_FREE_BUSY", plannerRow.getString("source"), reply.body());
        assertEquals(review.toString(), plannerRow.getJsonArray("busy").getJsonObject(0).getString("start"));
        assertEquals("NONE", reply.array().getJsonObject(1).getString("source"), "no Exchange mailbox: nothing known");
        assertEquals(1, EWS.requests().size(), "one GetUserAvailability for everyone");
        assertEquals(400, api().get("availability?people=").status());
    }

    @Test
    void inPerUserModeEachPersonSignsInWithTheirWindowsAccount() {
        assertEquals(200, configure("PER_USER", null).status());
        assertFalse(test(TOM).getBoolean("ok"), "nothing to test without a person's own sign-in");
        String tom = api().personId(TOM);
        Api.Reply wrong = api().post("people/" + tom + "/calendar-accounts", """
                {"provider":"EXCHANGE","username":"NORTHWIND\\\\tom","password":"guess"}""");
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("password", wrong.object().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply linked = api().post("people/" + tom + "/calendar-accounts", """
                {"provider":"EXCHANGE","username":"NORTHWIND\\\\tom","password":"tom-secret"}""");
        assertEquals(201, linked.status(), linked.body());
        assertFalse(linked.body().contains("tom-secret"));
        Eventually.await("Tom's upcoming sessions reach his calendar", SOON,
                () -> EWS.mailbox(TOM).items().stream().anyMatch(item -> !item.extendedProperties().isEmpty()));
        assertTrue(EWS.requests().stream().filter(r -> "tom".equals(r.user())).allMatch(r -> r.impersonated() == null));
        // Removed while some of those pushes are still under way: none of them may leave an event behind.
        assertEquals(200, api().delete("calendar-accounts/" + linked.object().getString("id")).status());
        Eventually.await("nothing CalSync wrote is left in Tom's calendar", SOON, () -> EWS.mailbox(TOM).items().stream()
                .allMatch(item -> item.extendedProperties().isEmpty()));
    }

    /** A from/to query of whole UTC days around an instant. */
    private static String daysAround(Instant instant, int days) {
        Instant midnight = instant.truncatedTo(ChronoUnit.DAYS);
        return "from=" + midnight.minus(days, ChronoUnit.DAYS) + "&to=" + midnight.plus(days, ChronoUnit.DAYS);
    }

    private Api.Reply configureByAutodiscover(String mode, String version) {
        return api().put("exchange-settings", """
                {"autodiscoverEmail":"%s","serverVersion":"%s","authMode":"%s","authScheme":"NTLM","streamChanges":false,
                 "serviceUsername":"NORTHWIND\\\\svc-calsync","servicePassword":"svc-secret"}"""
                .formatted(AMIRA, version, mode));
    }

    @Test
    void autodiscoverFindsExchangeAndTestConnectionNamesTheReleaseTheServerRuns() {
        assumeTrue(Integer.getInteger("calsync.it.ews.port", 0) > 0, "Payara knows where Autodiscover answers");
        EWS.mailbox(AMIRA);
        Api.Reply saved = configureByAutodiscover("SERVICE_ACCOUNT_IMPERSONATION", "EXCHANGE_2016");
        assertEquals(200, saved.status(), saved.body());
        assertEquals(EWS.url().toString(), saved.object().getString("discoveredEwsUrl"));
        assertTrue(EWS.requests().stream().anyMatch(r -> r.operation().equals("GetUserSettings")
                && r.user().equals("svc-calsync") && r.scheme().equals("NTLM")), "asked Autodiscover as the service account");

        testConnectionSays(AMIRA, true, "Autodiscover found the EWS address " + EWS.url(),
                "The server runs Exchange 2016 (15.1.2507.6).");

        // Planning reaches Exchange's free/busy at the address Autodiscover found, as at a typed one.
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = "discovered-" + suffix + "@northwind.example";
        String planner = createPerson(email, "Dana Discovered " + suffix);
        Instant budgetReview = DAYS.weeksAhead(8, DayOfWeek.TUESDAY).atTime(12, 0).toInstant(ZoneOffset.UTC);
        EWS.mailbox(email).add("Budget review", budgetReview, budgetReview.plus(1, ChronoUnit.HOURS));
        Api.Reply free = api().get("availability?people=" + planner + "&" + daysAround(budgetReview, 2));
        assertEquals(200, free.status(), free.body());
        assertEquals("EXCHANGE_FREE_BUSY", free.array().getJsonObject(0).getString("source"), free.body());

        // An older server refuses requests for the release chosen; Test connection says which to choose.
        EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2010_SP1);
        try {
            testConnectionSays(AMIRA, false, "older release");
            assertEquals(200, configureByAutodiscover("SERVICE_ACCOUNT_IMPERSONATION", "EXCHANGE_2010_SP1").status());
            testConnectionSays(AMIRA, true, "The server runs Exchange 2010 SP1 (14.1.218.15).");
        } finally {
            EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2016);
        }

        Api.Reply unknown = api().put("exchange-settings", """
                {"autodiscoverEmail":"nobody@fabrikam.example","serverVersion":"EXCHANGE_2016",
                 "authMode":"SERVICE_ACCOUNT_IMPERSONATION","authScheme":"NTLM","serviceUsername":"svc-calsync"}""");
        assertEquals(400, unknown.status(), unknown.body());
        JsonObject error = unknown.object().getJsonArray("errors").getJsonObject(0);
        assertEquals("autodiscoverEmail", error.getString("field"));
        assertTrue(error.getString("message").contains("InvalidUser"), error.toString());
        assertEquals(EWS.url().toString(), api().get("exchange-settings").object().getString("discoveredEwsUrl"),
                "a failed save keeps what worked");
    }

    @Test
    void inPerUserModeTheFirstPersonToConnectFindsExchangeThroughAutodiscover() {
        assumeTrue(Integer.getInteger("calsync.it.ews.port", 0) > 0, "Payara knows where Autodiscover answers");
        Api.Reply saved = configureByAutodiscover("PER_USER", "EXCHANGE_2016");
        assertEquals(200, saved.status(), saved.body());
        assertFalse(saved.object().containsKey("discoveredEwsUrl"), "no account to ask with yet: " + saved.body());
        String petra = createPerson(PETRA, "Petra Novak");
        Api.Reply linked = api().post("people/" + petra + "/calendar-accounts", """
                {"provider":"EXCHANGE","username":"NORTHWIND\\\\petra","password":"petra-secret"}""");
        assertEquals(201, linked.status(), linked.body());
        assertTrue(EWS.requests().stream().anyMatch(r -> r.operation().equals("GetUserSettings") && r.user().equals("petra")
                && r.body().contains(PETRA)), "asked for Petra's own mailbox as Petra");
        assertEquals(EWS.url().toString(), api().get("exchange-settings").object().getString("discoveredEwsUrl"));
        assertEquals(200, api().delete("calendar-accounts/" + linked.object().getString("id")).status());
    }
}
