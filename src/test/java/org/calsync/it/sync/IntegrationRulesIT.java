package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OtherClient;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The organisation's rules take effect on calendars already linked, not only when linking: switching calendar
 * integration off, dropping a kind of calendar from the allowed list or taking the permission away from a role
 * stops every write and read at once, the account says it is paused, the admin chooses whether CalSync's events
 * are removed, and switching back on resumes. Through the settings and roles API, against a real Radicale.
 */
@ExtendWith(ArquillianExtension.class)
class IntegrationRulesIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("paula", "paula-secret")
            .withUser("quentin", "quentin-secret");

    private static final Duration SOON = Duration.ofSeconds(20);
    /** Long enough for a push that should not happen to have happened: one normally lands within a second. */
    private static final Duration QUIET = Duration.ofSeconds(4);
    private static final LocalDate DAY = FixtureDates.fromToday().workdayAhead(10);
    private static final String ALL_KINDS = "[\"CALDAV\",\"ICLOUD\",\"EXCHANGE\",\"MICROSOFT_365\",\"GOOGLE\",\"FASTMAIL\"]";

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    /** Whatever a test did, the next class finds integration on, every kind allowed and the Instructor role whole. */
    @AfterEach
    void rulesBackOn() {
        assertEquals(200, api().put("settings", "{\"integrationEnabled\":true,\"allowedProviders\":" + ALL_KINDS
                + ",\"omitLearnerDetails\":false}").status());
        JsonObject instructor = instructorRole();
        if (!permissions(instructor).contains("CALENDAR_INTEGRATION")) {
            List<String> back = new java.util.ArrayList<>(permissions(instructor));
            back.add("CALENDAR_INTEGRATION");
            api().put("roles/" + instructor.getString("id"), "{\"permissions\":" + json(back) + "}");
        }
    }

    private record Linked(String personId, String accountId, URI calendar, String session, String title) {
    }

    /** An instructor of this test's own, linked to Radicale, teaching one session that reached her calendar. */
    private Linked instructorWithASession(String user) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String person = api().createInstructor(user + "-" + suffix + "@northwind.example", "Pat " + user + " " + suffix,
                "Europe/London");
        URI calendar = RADICALE.createCalendar(user, "work-" + suffix);
        Api.Reply linked = api().post("people/" + person + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"%s","password":"%s-secret"}"""
                .formatted(RADICALE.base(), user, user));
        assertEquals(201, linked.status(), linked.body());
        String accountId = linked.object().getString("id");
        String calendarId = linked.object().getJsonArray("calendars").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").endsWith("work-" + suffix)).findFirst().orElseThrow().getString("id");
        api().put("calendar-accounts/" + accountId, """
                {"targetCalendarId":"%s","conflictCalendarIds":["%s"]}""".formatted(calendarId, calendarId));
        String title = "Paused Check " + suffix;
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"Room 1"}"""
                .formatted(title, FixtureDates.api(DAY.atTime(9, 0)), FixtureDates.api(DAY.atTime(10, 0))))
                .object().getString("id");
        assertEquals(200, api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + person + "\"}").status());
        Eventually.await("the session reaches " + user + "'s calendar", SOON,
                () -> RADICALE.eventsContaining(user, calendar, title).size() == 1);
        return new Linked(person, accountId, calendar, session, title);
    }

    private void moveTo(Linked linked, String venue) {
        Api.Reply moved = api().put("sessions/" + linked.session(), """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"%s"}"""
                .formatted(linked.title(), FixtureDates.api(DAY.atTime(9, 0)), FixtureDates.api(DAY.atTime(10, 0)), venue));
        assertEquals(200, moved.status(), moved.body());
    }

    private static void quietly() throws InterruptedException {
        Thread.sleep(QUIET.toMillis());
    }

    @Test
    void switchingIntegrationOffPausesPushAndPullKeepsTheEventsAndSwitchingItOnResumes() throws Exception {
        Linked paula = instructorWithASession("paula");

        JsonObject impact = api().post("settings/preview", "{\"integrationEnabled\":false}").object();
        assertTrue(impact.getInt("accounts") >= 1 && impact.getInt("writtenEvents") >= 1, impact.toString());
        assertEquals("CONNECTED", api().get("calendar-accounts/" + paula.accountId()).object().getString("status"),
                "a preview changes nothing");

        JsonObject before = api().get("settings").object();
        Api.Reply off = api().put("settings", "{\"integrationEnabled\":false}");
        assertEquals(200, off.status(), off.body());
        assertEquals(false, off.object().getBoolean("integrationEnabled"));
        assertEquals(before.getInt("pullWindowMonths"), off.object().getInt("pullWindowMonths"), "fields left out keep their value");
        assertEquals(Set.copyOf(before.getJsonArray("allowedProviders").getValuesAs(JsonString::getString)),
                Set.copyOf(off.object().getJsonArray("allowedProviders").getValuesAs(JsonString::getString)));
        assertEquals("PAUSED", api().get("calendar-accounts/" + paula.accountId()).object().getString("status"));

        // Nothing more is written...
        moveTo(paula, "Room 2");
        quietly();
        String kept = RADICALE.eventsContaining("paula", paula.calendar(), paula.title()).get(0);
        assertTrue(kept.contains("LOCATION:Room 1"), "the paused calendar keeps CalSync's event as it was: " + kept);
        // ... nor read.
        RADICALE.putEvent("paula", paula.calendar().resolve("dentist.ics"),
                OtherClient.event("dentist-paula@example.com", DAY.plusDays(1), 9, 10, java.time.ZoneId.of("Europe/London"),
                        "Dentist"));
        String runs = api().post("people/" + paula.personId() + "/sync", "").body();
        assertTrue(runs.contains("\"outcome\":\"PAUSED\"") && runs.contains("Paused by your organisation"), runs);
        assertTrue(busyTitles(paula).isEmpty(), "nothing was read while paused: " + busyTitles(paula));

        // On again: the session is written as it is now, and the calendar is read again.
        assertEquals(200, api().put("settings", "{\"integrationEnabled\":true}").status());
        assertEquals("CONNECTED", api().get("calendar-accounts/" + paula.accountId()).object().getString("status"));
        Eventually.await("resuming writes the session as it is now", SOON, () -> RADICALE
                .eventsContaining("paula", paula.calendar(), paula.title()).stream().anyMatch(e -> e.contains("LOCATION:Room 2")));
        assertTrue(api().post("people/" + paula.personId() + "/sync", "").body().contains("\"outcome\":\"OK\""));
        assertTrue(busyTitles(paula).contains("Dentist"), busyTitles(paula).toString());
    }

    @Test
    void aKindLeftOutOfTheAllowedListWithRemovalDeletesCalSyncsEventsAndARoleWithoutThePermissionPauses() throws Exception {
        Linked quentin = instructorWithASession("quentin");

        String withoutCalDav = ALL_KINDS.replace("\"CALDAV\",", "");
        Api.Reply dropped = api().put("settings?removeWrittenEvents=true", "{\"allowedProviders\":" + withoutCalDav + "}");
        assertEquals(200, dropped.status(), dropped.body());
        assertEquals("PAUSED", api().get("calendar-accounts/" + quentin.accountId()).object().getString("status"));
        Eventually.await("CalSync's event is removed from the paused calendar", SOON,
                () -> RADICALE.eventsContaining("quentin", quentin.calendar(), quentin.title()).isEmpty());

        assertEquals(200, api().put("settings", "{\"allowedProviders\":" + ALL_KINDS + "}").status());
        Eventually.await("allowed again: the event is written anew", SOON,
                () -> RADICALE.eventsContaining("quentin", quentin.calendar(), quentin.title()).size() == 1);

        // The Instructor role loses the calendar-integration permission: his calendar pauses, its event stays.
        JsonObject role = instructorRole();
        List<String> without = permissions(role).stream().filter(p -> !p.equals("CALENDAR_INTEGRATION")).toList();
        Api.Reply changed = api().put("roles/" + role.getString("id"), "{\"permissions\":" + json(without) + "}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("PAUSED", api().get("calendar-accounts/" + quentin.accountId()).object().getString("status"));
        moveTo(quentin, "Room 9");
        quietly();
        assertTrue(RADICALE.eventsContaining("quentin", quentin.calendar(), quentin.title()).get(0).contains("LOCATION:Room 1"),
                "nothing is written while the role lacks the permission");
        assertEquals(400, api().put("roles/" + role.getString("id"), "{}").status(), "permissions must be sent");
    }

    @Test
    void withLearnerDetailsLeftOutNoInstructorEventNamesAnyLearnerAnywhere() {
        Linked paula = instructorWithASession("paula");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String learnerName = "Noor Learner " + suffix;
        String learnerEmail = "noor-" + suffix + "@northwind.example";
        String learner = api().post("people", """
                {"email":"%s","displayName":"%s","timeZone":"Europe/London","roles":["Learner"]}"""
                .formatted(learnerEmail, learnerName)).object().getString("id");
        String title = "Review with " + learnerName + " " + suffix;
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London",
                 "venue":"%s's workplace","description":"Notes on %s (%s): 2 learners so far"}"""
                .formatted(title, FixtureDates.api(DAY.atTime(14, 0)), FixtureDates.api(DAY.atTime(15, 0)),
                        learnerName.toUpperCase(), learnerName, learnerEmail)).object().getString("id");
        assertEquals(200, api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + paula.personId() + "\"}").status());
        assertEquals(200, api().post("sessions/" + session + "/registrations", "{\"personId\":\"" + learner + "\"}").status());
        Eventually.await("the review reaches the instructor with the learner named", SOON, () -> unfolded(paula).stream()
                .anyMatch(e -> e.contains("SUMMARY:" + title)));

        assertEquals(200, api().put("settings", "{\"omitLearnerDetails\":true}").status());
        Eventually.await("the review is written again without her", SOON, () -> unfolded(paula).stream()
                .anyMatch(e -> e.contains("SUMMARY:Review with a learner " + suffix)));
        List<String> learners = api().get("people").array().stream().map(v -> v.asJsonObject())
                .filter(p -> p.getJsonArray("roles").getValuesAs(JsonString::getString).contains("Learner"))
                .flatMap(p -> java.util.stream.Stream.of(p.getString("displayName"), p.getString("email"))).toList();
        assertTrue(learners.contains(learnerName) && learners.size() > 10, "every learner of the tenant: " + learners);
        for (String event : unfolded(paula)) {
            String lower = event.toLowerCase(java.util.Locale.ROOT);
            for (String identifying : learners) {
                assertTrue(!lower.contains(identifying.toLowerCase(java.util.Locale.ROOT)),
                        "an instructor's event names " + identifying + ": " + event);
            }
            assertTrue(!event.contains("learners so far"), "no description, which may talk about learners: " + event);
        }
    }

    /** The instructor's events as Radicale holds them, with folded lines joined. */
    private static List<String> unfolded(Linked linked) {
        String user = linked.calendar().getPath().split("/")[1];
        return RADICALE.events(user, linked.calendar()).stream().map(e -> e.replace("\r\n ", "")).toList();
    }

    private List<String> busyTitles(Linked linked) {
        return api().get("people/" + linked.personId() + "/busy?from=" + DAY.minusDays(2) + "&to=" + DAY.plusDays(3))
                .array().stream().map(b -> b.asJsonObject().getString("title", "")).toList();
    }

    private JsonObject instructorRole() {
        return api().get("roles").array().stream().map(v -> v.asJsonObject())
                .filter(r -> r.getString("name").equals("Instructor")).findFirst().orElseThrow();
    }

    private static List<String> permissions(JsonObject role) {
        return role.getJsonArray("permissions").getValuesAs(JsonString::getString);
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
