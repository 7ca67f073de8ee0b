package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.MailRelay;
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
 * Pull, end to end: another client edits a person's Radicale calendars, "sync now" reads them back, and the
 * busy times, privacy, echo suppression, restoring our events, skipped items and the mass-deletion guard
 * show through the API.
 */
@ExtendWith(ArquillianExtension.class)
class CalDavPullIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("tom", "tom-secret")
            .withUser("emma", "emma-secret").withUser("olivia", "olivia-secret").withUser("lucie", "lucie-secret")
            .withUser("ines", "ines-secret");

    private static final Path CORPUS = Path.of("src/test/resources/fixtures/caldav");
    /** Every fixture day is counted from today, so that it stays inside the pull window. */
    private static final FixtureDates DAYS = FixtureDates.fromToday();
    private static final String RANGE = "from=" + DAYS.today().minusWeeks(1) + "&to=" + DAYS.today().plusMonths(13);

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    private static String simpleEvent(String uid, String summary, LocalDate day) {
        return """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Other client//EN\r
                BEGIN:VEVENT\r
                UID:%s\r
                DTSTAMP:20261101T120000Z\r
                DTSTART:%sT150000Z\r
                DTEND:%sT160000Z\r
                SUMMARY:%s\r
                END:VEVENT\r
                END:VCALENDAR\r
                """.formatted(uid, FixtureDates.ical(day), FixtureDates.ical(day), summary);
    }

    private JsonArray sync(String personId) {
        Api.Reply reply = api().post("people/" + personId + "/sync", "");
        assertEquals(200, reply.status(), reply.body());
        return reply.array();
    }

    private List<JsonObject> busy(String personId) {
        return api().get("people/" + personId + "/busy?" + RANGE).array().stream().map(v -> v.asJsonObject()).toList();
    }

    private static List<String> titles(List<JsonObject> blocks) {
        return blocks.stream().map(b -> b.getString("title")).toList();
    }

    @Test
    void busyTimesPrivacyEchoesRestoresAndTheMassDeletionGuard() throws Exception {
        URI teaching = RADICALE.createCalendar("tom", "teaching");
        URI personal = RADICALE.createCalendar("tom", "personal");
        String tom = api().personId("tom.becker@northwind.example");
        JsonObject account = api().post("people/" + tom + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"tom","password":"tom-secret"}""".formatted(RADICALE.base()))
                .object();
        String accountId = account.getString("id");
        String teachingId = calendarId(account, teaching);
        String personalId = calendarId(account, personal);
        api().put("calendar-accounts/" + accountId, """
                {"targetCalendarId":"%s","conflictCalendarIds":["%s","%s"],"privacyMode":"DEFAULT"}"""
                .formatted(teachingId, teachingId, personalId));

        // Another client fills the personal calendar, from the fixture corpus moved to two weeks from now.
        LocalDate fixtureWeek = DAYS.today().plusWeeks(2);
        RADICALE.putEvent("tom", personal.resolve("standup.ics"), corpus("valid/weekly-with-exceptions.ics", fixtureWeek));
        RADICALE.putEvent("tom", personal.resolve("private.ics"), corpus("valid/private.ics", fixtureWeek));
        RADICALE.putEvent("tom", personal.resolve("conference.ics"), corpus("valid/all-day.ics", fixtureWeek));
        RADICALE.putEvent("tom", personal.resolve("reminder.ics"), corpus("valid/transparent.ics", fixtureWeek));
        RADICALE.putEvent("tom", personal.resolve("bad.ics"), corpus("invalid/until-not-a-date.ics", fixtureWeek));

        JsonArray runs = sync(tom);
        assertTrue(runs.stream().anyMatch(r -> r.asJsonObject().getString("outcome").equals("PARTIAL")
                && r.asJsonObject().getString("detail").contains("bad.ics")), runs.toString());
        List<JsonObject> blocks = busy(tom);
        List<String> titles = titles(blocks);
        assertEquals(3, titles.stream().filter(t -> t.startsWith("Team stand-up")).count(), titles.toString());
        assertTrue(titles.contains("Busy"), "a private event keeps its time, not its title");
        assertFalse(titles.contains("Doctor's appointment"));
        assertFalse(titles.contains("Reminder only"), "transparent events are not busy");
        assertTrue(blocks.stream().anyMatch(b -> b.getString("title").equals("Conference") && b.getBoolean("allDay")));

        // Full private keeps only times, for what is stored already too: at once, not at the next pull.
        api().put("calendar-accounts/" + accountId, """
                {"targetCalendarId":"%s","conflictCalendarIds":["%s","%s"],"privacyMode":"FULL_PRIVATE"}"""
                .formatted(teachingId, teachingId, personalId));
        assertTrue(titles(busy(tom)).stream().allMatch("Busy"::equals), "before any pull: " + titles(busy(tom)));
        sync(tom);
        assertTrue(titles(busy(tom)).stream().allMatch("Busy"::equals), titles(busy(tom)).toString());

        // Our own pushed event comes back on the pull as an echo, never as a busy time.
        String title = "Echo Check " + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime start = DAYS.weeksAhead(6, DayOfWeek.WEDNESDAY).atTime(10, 0);
        LocalDateTime movedStart = start.withHour(17);
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London"}"""
                .formatted(title, FixtureDates.api(start), FixtureDates.api(start.plusHours(1)))).object().getString("id");
        api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + tom + "\"}");
        Eventually.await("pushed", Duration.ofSeconds(20), () -> RADICALE.eventsContaining("tom", teaching, title).size() == 1);
        int blocksBefore = busy(tom).size();
        JsonArray echo = sync(tom);
        assertEquals(blocksBefore, busy(tom).size(), "the echo adds no busy time");
        assertTrue(echo.stream().allMatch(r -> r.asJsonObject().getInt("changesOut") == 0), echo.toString());

        // Tom, the session's lead instructor, moves it in his calendar: two-way, so the session moves.
        String ours = RADICALE.eventsContaining("tom", teaching, title).get(0);
        String href = hrefOf(teaching, title);
        RADICALE.putEvent("tom", URI.create(href), ours.replace(FixtureDates.ical(start), FixtureDates.ical(movedStart))
                .replace(FixtureDates.ical(start.plusHours(1)), FixtureDates.ical(movedStart.plusHours(1))));
        JsonArray moved = sync(tom);
        assertTrue(moved.toString().contains("was moved by Tom Becker"), moved.toString());
        assertEquals(FixtureDates.apiAnswer(movedStart), api().get("sessions/" + session).object().getString("start"));
        // The moved session is pushed to everyone; wait for CalSync's own write (the next SEQUENCE) to land.
        Eventually.await("the moved session is written back", Duration.ofSeconds(20), () -> RADICALE
                .eventsContaining("tom", teaching, title).stream().anyMatch(e -> e.contains("SEQUENCE:1")));
        // ... and deletes it: an instructor is never silently unassigned; the admin is asked, the event comes back.
        RADICALE.send("tom", "DELETE", URI.create(href), null, Map.of());
        sync(tom);
        Eventually.await("recreated", Duration.ofSeconds(20), () -> RADICALE.eventsContaining("tom", teaching, title).stream()
                .anyMatch(e -> e.contains("DTSTART;TZID=Europe/London:" + FixtureDates.ical(movedStart))));
        assertEquals(1, api().get("sessions/" + session).object().getJsonArray("instructors").size());
        String alerts = api().get("alerts").body();
        assertTrue(alerts.contains("Tom Becker deleted") && alerts.contains(title), alerts);
        assertFalse(alerts.contains("Coaching Review"), "no alert for sessions nobody touched: " + alerts);

        // The mass-deletion guard: most of the personal calendar vanishing at once is held back.
        for (int i = 1; i <= 6; i++) {
            var stored = RADICALE.putEvent("tom", personal.resolve("extra-" + i + ".ics"),
                    simpleEvent("extra-" + i + "@example.com", "Extra " + i, fixtureWeek.plusWeeks(1).plusDays(i)));
            assertEquals(201, stored.statusCode(), stored.body());
        }
        sync(tom);
        int storedBlocks = busy(tom).size();
        for (String name : List.of("standup", "private", "conference", "extra-1", "extra-2", "extra-3", "extra-4", "extra-5")) {
            RADICALE.send("tom", "DELETE", personal.resolve(name + ".ics"), null, Map.of());
        }
        JsonArray held = sync(tom);
        assertTrue(held.stream().anyMatch(r -> r.asJsonObject().getString("outcome").equals("HELD")), held.toString());
        assertEquals(storedBlocks, busy(tom).size(), "nothing was removed");
        JsonObject afterHold = api().get("calendar-accounts/" + accountId).object();
        assertTrue(afterHold.toString().contains("Held back"), afterHold.toString());
        assertEquals("HELD", afterHold.getString("status"), "the account says it is held, not connected");
        JsonObject holdAlert = openAlert("CALENDAR_HELD", a -> a.getString("calendarId", "").equals(personalId));
        assertTrue(holdAlert.getString("message").contains("is held"), holdAlert.toString());
        sync(tom);
        assertEquals(1, api().get("alerts").array().stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("calendarId", "").equals(personalId)).count(), "one alert, however often it is pulled");
        api().post("calendar-accounts/" + accountId + "/calendars/" + personalId + "/release", "");
        assertTrue(api().get("alerts").array().stream().noneMatch(a -> a.asJsonObject().getString("id")
                .equals(holdAlert.getString("id"))), "releasing the calendar settles its alert");
        JsonArray released = sync(tom);
        List<JsonObject> after = busy(tom);
        assertTrue(after.size() < storedBlocks, "released: the deletions apply; " + storedBlocks + " before, now "
                + titles(after) + " runs " + released);
        assertFalse(api().get("calendar-accounts/" + accountId + "/sync-runs").array().isEmpty());
    }

    @Test
    void theCalendarPullJobReadsTheTenantsCalendarsAndOnlyItsTenantSeesIt() throws Exception {
        URI life = RADICALE.createCalendar("emma", "life");
        String emma = api().personId("emma.taylor@northwind.example");
        assertEquals(201, api().post("people/" + emma + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"emma","password":"emma-secret"}""".formatted(RADICALE.base()))
                .status());
        RADICALE.putEvent("emma", life.resolve("choir.ics"), simpleEvent("choir@example.com", "Choir rehearsal",
                DAYS.today().plusDays(9)));

        Api.Reply started = api().post("sync-jobs", "");
        assertEquals(202, started.status(), started.body());
        long execution = started.object().getJsonNumber("executionId").longValue();
        Eventually.await("the job completes", Duration.ofSeconds(60),
                () -> api().get("sync-jobs/" + execution).object().getString("status").equals("COMPLETED"));
        JsonObject done = api().get("sync-jobs/" + execution).object();
        assertTrue(done.getString("exitStatus").contains("OK="), done.toString());
        assertTrue(titles(busy(emma)).contains("Choir rehearsal"), titles(busy(emma)).toString());
        assertEquals(404, new Api(url, "csk_demo_riverside_0000000000000001").get("sync-jobs/" + execution).status(),
                "another tenant cannot see the job");
    }

    @Test
    void anAnswerThatWouldEmptyACalendarIsHeldHoweverSmallTheCalendar() {
        // Someone with no sessions, so that the calendar holds nothing of CalSync's: one event of her own.
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String ines = api().createInstructor("ines-" + suffix + "@northwind.example", "Ines Empty " + suffix, "Europe/London");
        URI quiet = RADICALE.createCalendar("ines", "quiet-" + suffix);
        RADICALE.putEvent("ines", quiet.resolve("choir.ics"), simpleEvent("choir-ines@example.com", "Choir rehearsal",
                DAYS.today().plusDays(9)));
        JsonObject account = api().post("people/" + ines + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"ines","password":"ines-secret"}""".formatted(RADICALE.base()))
                .object();
        sync(ines);
        assertEquals(List.of("Choir rehearsal"), titles(busy(ines)));

        // Her only event disappears: an answer that would empty a calendar is held, however small it is.
        RADICALE.send("ines", "DELETE", quiet.resolve("choir.ics"), null, Map.of());
        JsonArray emptied = sync(ines);
        assertTrue(emptied.toString().contains("HELD") && emptied.toString().contains("empty the calendar"), emptied.toString());
        assertEquals(List.of("Choir rehearsal"), titles(busy(ines)), "nothing removed while held");
        String quietId = calendarId(account, quiet);
        assertEquals(204, api().post("alerts/" + openAlert("CALENDAR_HELD", a -> a.getString("calendarId", "").equals(quietId))
                .getString("id") + "/resolve", "").status(), "resolving a hold releases the calendar");
        sync(ines);
        assertEquals(List.of(), titles(busy(ines)), "released: her calendar is empty now");
    }

    @Test
    void aLearnerWhoDeletesTheEventIsUnregisteredBeforeTheDeadlineAndTheAdminIsAskedAfterIt() {
        URI calendar = RADICALE.createCalendar("olivia", "mine");
        String olivia = api().personId("olivia.brown@northwind.example");
        api().post("people/" + olivia + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"olivia","password":"olivia-secret"}""".formatted(RADICALE.base()));
        ZonedDateTime london = ZonedDateTime.now(ZoneId.of("Europe/London"));
        // Her own appointment stays, so that her deletions never empty the calendar (which the guard would hold).
        RADICALE.putEvent("olivia", calendar.resolve("gym.ics"), simpleEvent("gym-olivia@example.com", "Gym",
                DAYS.today().plusDays(5)));
        String early = "Negotiation " + UUID.randomUUID().toString().substring(0, 6);
        String late = "Budget Basics " + UUID.randomUUID().toString().substring(0, 6);
        String earlyId = sessionWith(early, london.plusDays(10), olivia);
        String lateId = sessionWith(late, london.plusHours(3), olivia); // inside the 24-hour deadline
        Eventually.await("both pushed", Duration.ofSeconds(20), () -> RADICALE.eventsContaining("olivia", calendar, early).size() == 1
                && RADICALE.eventsContaining("olivia", calendar, late).size() == 1);
        sync(olivia);

        RADICALE.send("olivia", "DELETE", URI.create(hrefOf("olivia", calendar, early)), null, Map.of());
        RADICALE.send("olivia", "DELETE", URI.create(hrefOf("olivia", calendar, late)), null, Map.of());
        JsonArray runs = sync(olivia);
        assertTrue(runs.toString().contains("unregistered from"), runs.toString());
        JsonObject run = runs.getJsonObject(0);
        assertEquals(1, run.getInt("changesIn"), "the cancellation before the deadline came into CalSync: " + run);
        assertEquals(1, run.getInt("changesOut"), "the late one was written back: " + run);
        assertTrue(api().get("sessions/" + earlyId).object().getJsonArray("learners").isEmpty(), "unregistered");
        assertEquals(1, api().get("sessions/" + lateId).object().getJsonArray("learners").size(), "still registered");
        assertTrue(api().get("alerts").body().contains("after the cancellation deadline"));
        Eventually.await("the late one is written back", Duration.ofSeconds(20),
                () -> RADICALE.eventsContaining("olivia", calendar, late).size() == 1);
        assertTrue(RADICALE.eventsContaining("olivia", calendar, early).isEmpty());

        // The admin refuses that late cancellation: Olivia stays registered and is told; the sync log says so.
        String refusedAlert = openAlert("LEARNER_CANCELLED_LATE", a -> a.getString("message").contains(late)).getString("id");
        assertEquals(409, api().post("alerts/" + refusedAlert + "/resolve", "").status(), "it is approved or refused");
        try (MailRelay smtp = MailRelay.start()) {
            assertEquals(204, api().post("alerts/" + refusedAlert + "/refuse", "").status());
            String note = smtp.newestTextTo("olivia.brown@northwind.example", 1);
            assertTrue(note.contains("still registered") && note.contains(late), note);
        }
        assertEquals(409, api().post("alerts/" + refusedAlert + "/approve", "").status(), "decided once");
        assertEquals(1, api().get("sessions/" + lateId).object().getJsonArray("learners").size(), "still registered");
        String accountId = api().get("people/" + olivia + "/calendar-accounts").array().getJsonObject(0).getString("id");
        assertTrue(api().get("calendar-accounts/" + accountId + "/sync-runs").body().contains("refused the cancellation"));

        // Another late cancellation, approved: she is unregistered and the event leaves her calendar for good.
        String later = "Payroll Basics " + UUID.randomUUID().toString().substring(0, 6);
        String laterId = sessionWith(later, london.plusHours(4), olivia);
        Eventually.await("pushed", Duration.ofSeconds(20), () -> RADICALE.eventsContaining("olivia", calendar, later).size() == 1);
        sync(olivia);
        RADICALE.send("olivia", "DELETE", URI.create(hrefOf("olivia", calendar, later)), null, Map.of());
        sync(olivia);
        String approved = openAlert("LEARNER_CANCELLED_LATE", a -> a.getString("message").contains(later)).getString("id");
        Eventually.await("written back until decided", Duration.ofSeconds(20),
                () -> RADICALE.eventsContaining("olivia", calendar, later).size() == 1);
        assertEquals(204, api().post("alerts/" + approved + "/approve", "").status());
        assertTrue(api().get("sessions/" + laterId).object().getJsonArray("learners").isEmpty(), "unregistered");
        Eventually.await("the event leaves her calendar", Duration.ofSeconds(20),
                () -> RADICALE.eventsContaining("olivia", calendar, later).isEmpty());
        assertTrue(api().get("calendar-accounts/" + accountId + "/sync-runs").body().contains("approved the cancellation"));
    }

    /** The open alert of this kind that matches. */
    private JsonObject openAlert(String kind, java.util.function.Predicate<JsonObject> which) {
        return api().get("alerts").array().stream().map(v -> v.asJsonObject())
                .filter(a -> a.getString("kind").equals(kind)).filter(which).findFirst()
                .orElseThrow(() -> new AssertionError("No open " + kind + " alert in " + api().get("alerts").body()));
    }

    private String sessionWith(String title, ZonedDateTime start, String learnerId) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        String id = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London"}"""
                .formatted(title, local.format(start), local.format(start.plusHours(1)))).object().getString("id");
        assertEquals(200, api().post("sessions/" + id + "/registrations", "{\"personId\":\"" + learnerId + "\"}").status());
        return id;
    }

    @Test
    void anOwnersMoveMadeBetweenPullsIsReadBeforeAPushCanOverwriteIt() {
        URI lessons = RADICALE.createCalendar("lucie", "lessons");
        String lucie = api().personId("lucie.martin@northwind.example");
        Api.Reply linked = api().post("people/" + lucie + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"lucie","password":"lucie-secret"}"""
                .formatted(RADICALE.base()));
        assertEquals(201, linked.status(), linked.body());
        String accountId = linked.object().getString("id");
        String title = "Owner Move " + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime start = DAYS.weeksAhead(9, DayOfWeek.WEDNESDAY).atTime(10, 0);
        LocalDateTime movedStart = start.withHour(15);
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London",
                 "venue":"Room 1"}""".formatted(title, FixtureDates.api(start), FixtureDates.api(start.plusHours(1))))
                .object().getString("id");
        api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + lucie + "\"}");
        Eventually.await("pushed", Duration.ofSeconds(20), () -> RADICALE.eventsContaining("lucie", lessons, title).size() == 1);

        // Lucie, who leads the session, moves it in her calendar; no pull has run since.
        String ours = RADICALE.eventsContaining("lucie", lessons, title).get(0);
        RADICALE.putEvent("lucie", URI.create(hrefOf("lucie", lessons, title)), ours
                .replace(FixtureDates.ical(start), FixtureDates.ical(movedStart))
                .replace(FixtureDates.ical(start.plusHours(1)), FixtureDates.ical(movedStart.plusHours(1))));
        // Meanwhile an admin changes the venue, which pushes the session to her calendar.
        Api.Reply edited = api().put("sessions/" + session, """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London",
                 "venue":"Room 2"}""".formatted(title, FixtureDates.api(start), FixtureDates.api(start.plusHours(1))));
        assertEquals(200, edited.status(), edited.body());

        // The push meets her edit (412), reads her calendar first, and the two-way rules keep her move.
        Eventually.await("the owner's move reaches the session", Duration.ofSeconds(20),
                () -> api().get("sessions/" + session).object().getString("start").equals(FixtureDates.apiAnswer(movedStart)));
        assertEquals("Room 2", api().get("sessions/" + session).object().getString("venue"), "the admin's change stays too");
        Eventually.await("her calendar shows both changes", Duration.ofSeconds(20), () -> RADICALE
                .eventsContaining("lucie", lessons, title).stream().anyMatch(e -> e.contains("LOCATION:Room 2")
                        && e.contains("DTSTART;TZID=Europe/London:" + FixtureDates.ical(movedStart))));
        assertEquals(1, RADICALE.eventsContaining("lucie", lessons, title).size(), "still one event");
        String log = api().get("calendar-accounts/" + accountId + "/sync-runs").body();
        assertTrue(log.contains("was moved by Lucie Martin"), "the sync log says why the session moved: " + log);
    }

    private static String corpus(String file, LocalDate week) throws IOException {
        return FixtureDates.movedToWeekOf(Files.readString(CORPUS.resolve(file)), week);
    }

    private static String calendarId(JsonObject account, URI calendar) {
        return account.getJsonArray("calendars").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").endsWith(calendar.getPath().replaceAll("/$", "").replaceAll(".*/", "")))
                .findFirst().orElseThrow(() -> new AssertionError(account.toString())).getString("id");
    }

    private static String hrefOf(URI calendar, String title) {
        return hrefOf("tom", calendar, title);
    }

    private static String hrefOf(String user, URI calendar, String title) {
        String listing = RADICALE.send(user, "PROPFIND", calendar,
                "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><prop><getetag/></prop></propfind>", Map.of("Depth", "1")).body();
        for (String part : listing.split("href>")) {
            if (part.endsWith(".ics</")) {
                String href = calendar.resolve(part.substring(0, part.length() - 2)).toString();
                if (RADICALE.send(user, "GET", URI.create(href), null, Map.of()).body().replace("\r\n ", "").contains(title)) {
                    return href;
                }
            }
        }
        throw new AssertionError("No event titled " + title);
    }
}
