package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.calsync.domain.model.tenant.CalendarProviderType;
import org.calsync.it.support.Api;
import org.calsync.it.support.Metrics;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sync scenarios every provider passes, run through the whole engine (outbox, pull, two-way rules) against
 * its simulator (Exchange, Microsoft 365, Google) or a real server (CalDAV): a session pushed, changed
 * and cancelled; an outage survived without duplicates; busy times from a recurring series with a moved and a
 * cancelled occurrence, a private, a free and an all-day event; full privacy; the mass-deletion guard; moves
 * and deletes made in the provider's own app; and removal. Each provider's subclass links one person once and
 * says how its calendar is seen and changed by its owner.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CloudCalendarScenarios {

    protected static final Duration SOON = Duration.ofSeconds(20);
    private static final String TENANT_KEY = "csk_demo_northwind_0000000000000001";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Every fixture day is counted from today, so that it stays inside the pull window. */
    private static final FixtureDates DAYS = FixtureDates.fromToday();

    /** How an event the owner adds shows their time. */
    protected enum Shown { BUSY, PRIVATE, FREE }

    /** An event as the provider holds it, with the zone it was written in as the provider names it. */
    protected record SeenEvent(String id, String title, Instant start, Instant end, String zone) {
    }

    /** The linked person's calendar at the provider, as they see and change it in the provider's own app. */
    protected interface OwnCalendar {

        /** Live events, with their times in UTC. */
        List<SeenEvent> events();

        String add(String title, Instant start, Instant end, Shown shown);

        String addAllDay(String title, LocalDate day);

        /** A weekly series; the ids of its occurrences, in the order of the weeks. */
        List<String> addWeeklySeries(String title, Instant firstStart, Duration length, int weeks);

        void move(String eventId, Instant start, Instant end);

        void delete(String eventId);

        /** The provider answers the next calls with 503, whichever they are. */
        void failNextCalls(int calls);
    }

    /** The account linked for this class, shared by its ordered tests; the last one removes it. */
    private static String accountId;
    private static String personId;
    private static Throwable linkingFailed;

    @ArquillianResource
    private URL url;

    @BeforeAll
    static void nothingLinkedYet() {
        accountId = null;
        personId = null;
        linkingFailed = null;
    }

    protected Api api() {
        return new Api(url, TENANT_KEY);
    }

    protected URL deploymentUrl() {
        return url;
    }

    /** Makes a person who may deliver sessions and links their provider account; returns the person's id. */
    protected abstract String createAndLinkPerson();

    /** The linked person's calendar that receives sessions. */
    protected abstract OwnCalendar calendar();

    /** The kind of calendar linked, as CalSync's metrics name it. */
    protected abstract CalendarProviderType provider();

    /** How the provider names the zone Europe/London in what CalSync wrote. */
    protected abstract String londonAsWritten();

    private String person() {
        if (personId == null) {
            if (linkingFailed != null) {
                throw new AssertionError("Linking the account failed in an earlier test", linkingFailed);
            }
            try {
                personId = createAndLinkPerson();
            } catch (RuntimeException | AssertionError e) {
                linkingFailed = e;
                throw e;
            }
            JsonObject account = api().get("people/" + personId + "/calendar-accounts").array().getJsonObject(0);
            accountId = account.getString("id");
            assertEquals("CONNECTED", account.getString("status"), account.toString());
        }
        return personId;
    }

    @Test
    @Order(1)
    void aSessionArrivesFollowsItsChangesAndLeavesWhenCancelledAndAnOutageDuplicatesNothing() {
        String person = person();
        Metrics before = Metrics.scrape(url);
        String title = unique("Workshop");
        LocalDate summer = FixtureDates.inSummerTime(LONDON, DAYS.today().plusWeeks(2));
        String session = createSession(title, summer.atTime(9, 0), summer.atTime(11, 0));
        assertEquals(200, api().post("sessions/" + session + "/instructors", personJson(person)).status());
        SeenEvent pushed = awaitOne(title);
        assertEquals(summer.atTime(8, 0).toInstant(ZoneOffset.UTC), pushed.start(), "09:00 in London's summer time");
        assertEquals(londonAsWritten(), pushed.zone());

        // Moved past the clock change: the same event, with the new time, and still only one.
        LocalDate winter = FixtureDates.acrossTheClockChange(LONDON, summer);
        Api.Reply changed = api().put("sessions/" + session, """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London",
                 "venue":"Room 8"}""".formatted(title, FixtureDates.api(winter.atTime(14, 0)),
                FixtureDates.api(winter.atTime(16, 0))));
        assertEquals(200, changed.status(), changed.body());
        Eventually.await("the event moves", SOON, () -> titled(title).stream()
                .anyMatch(e -> e.start().equals(winter.atTime(14, 0).toInstant(ZoneOffset.UTC))));
        assertEquals(List.of(pushed.id()), titled(title).stream().map(SeenEvent::id).toList(), "the same event, once");

        assertEquals(200, api().post("sessions/" + session + "/cancel", "").status());
        Eventually.await("cancelling removes the event", SOON, () -> titled(title).isEmpty());

        // The provider fails more calls than one push retries inline: the outbox tries again and writes once.
        String later = unique("Resilience review");
        String second = createSession(later, summer.plusWeeks(1).atTime(10, 0), summer.plusWeeks(1).atTime(11, 0));
        calendar().failNextCalls(5);
        api().post("sessions/" + second + "/instructors", personJson(person));
        Eventually.await("the postponed push is delivered", Duration.ofSeconds(60), () -> titled(later).size() == 1);
        assertEquals(1, titled(later).size(), "no duplicate");
        // The event is in the calendar a moment before the outbox records the success, in its own transaction.
        Eventually.await("nothing left to retry", SOON, () -> api().get("push-failures").array().stream()
                .noneMatch(f -> f.asJsonObject().getString("sessionTitle").equals(later)));
        assertEquals(1, titled(later).size(), "still no duplicate");

        // IT sees both in the metrics, by kind of calendar: the writes and their latency, and the outage.
        Metrics after = Metrics.scrape(url);
        String provider = provider().name();
        assertTrue(after.value("calsync_push_latency_seconds_count", "provider", provider)
                >= before.value("calsync_push_latency_seconds_count", "provider", provider) + 4,
                "create, move, remove and the postponed write each count: " + after);
        assertTrue(after.value("calsync_failures_total", "provider", provider, "work", "PUSH")
                > before.value("calsync_failures_total", "provider", provider, "work", "PUSH"),
                "the outage counts as failed pushes: " + after);
        assertTrue(after.value("calsync_throttle_pause_seconds_count", "provider", provider)
                > before.value("calsync_throttle_pause_seconds_count", "provider", provider),
                "and the waits it imposed: " + after);
        assertTrue(after.lists("calsync_outbox_pending") && after.lists("calsync_outbox_oldest_age_seconds"), after
                .toString());
    }

    @Test
    @Order(2)
    void busyTimesKeepSeriesExceptionsPrivacyAndAllDayAndAMassDeletionIsHeld() {
        String person = person();
        OwnCalendar own = calendar();
        LocalDate firstMonday = DAYS.weeksAhead(3, DayOfWeek.MONDAY);
        Instant monday = firstMonday.atTime(7, 0).toInstant(ZoneOffset.UTC);
        List<String> standUps = own.addWeeklySeries("Team stand-up", monday, Duration.ofMinutes(30), 4);
        own.move(standUps.get(1), monday.plus(Duration.ofDays(7)).plus(Duration.ofHours(2)),
                monday.plus(Duration.ofDays(7)).plus(Duration.ofHours(2)).plus(Duration.ofMinutes(30)));
        own.delete(standUps.get(2));
        Instant doctor = firstMonday.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        own.add("Doctor's appointment", doctor, doctor.plus(Duration.ofHours(1)), Shown.PRIVATE);
        Instant focus = firstMonday.plusDays(2).atTime(12, 0).toInstant(ZoneOffset.UTC);
        own.add("Focus time", focus, focus.plus(Duration.ofHours(3)), Shown.FREE);
        own.addAllDay("Conference", firstMonday.plusDays(3));

        sync(person);
        LocalDate fourWeeksFrom = firstMonday.minusDays(1);
        LocalDate fourWeeksTo = firstMonday.plusWeeks(4);
        List<JsonObject> blocks = busy(person, fourWeeksFrom, fourWeeksTo);
        assertEquals(List.of(monday, monday.plus(Duration.ofDays(7)).plus(Duration.ofHours(2)),
                monday.plus(Duration.ofDays(21))), startsOf(blocks, "Team stand-up"),
                "the moved occurrence at its new time, the cancelled one gone: " + blocks);
        assertEquals(List.of(doctor), startsOf(blocks, "Busy"),
                "a private event keeps its time, not its title");
        assertTrue(titles(blocks).stream().noneMatch(t -> t.equals("Doctor's appointment") || t.equals("Focus time")),
                "no private title, and free time blocks nothing: " + titles(blocks));
        assertTrue(blocks.stream().anyMatch(b -> b.getString("title").equals("Conference") && b.getBoolean("allDay")));

        // Full private keeps only times, for what is stored already too.
        assertEquals(200, configure("FULL_PRIVATE").status());
        sync(person);
        assertTrue(titles(busy(person, fourWeeksFrom, fourWeeksTo)).stream().allMatch("Busy"::equals));
        assertEquals(200, configure("DEFAULT").status());
        sync(person);

        // Most of the calendar vanishing at once is held back until an admin releases it.
        List<String> blocksAdded = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Instant start = firstMonday.plusWeeks(4).atTime(8, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofHours(i));
            blocksAdded.add(own.add("Block " + i, start, start.plus(Duration.ofMinutes(30)), Shown.BUSY));
        }
        sync(person);
        LocalDate twoMonthsFrom = firstMonday.minusDays(4);
        LocalDate twoMonthsTo = firstMonday.plusWeeks(8);
        int stored = busy(person, twoMonthsFrom, twoMonthsTo).size();
        blocksAdded.forEach(own::delete);
        JsonArray held = sync(person);
        assertTrue(held.toString().contains("HELD"), held.toString());
        assertEquals(stored, busy(person, twoMonthsFrom, twoMonthsTo).size(), "nothing was removed while held");
        String calendarId = targetCalendarId();
        assertEquals(200, api().post("calendar-accounts/" + accountId + "/calendars/" + calendarId + "/release", "").status());
        sync(person);
        assertTrue(titles(busy(person, twoMonthsFrom, twoMonthsTo)).stream().noneMatch(t -> t.startsWith("Block ")),
                "released: the deletions apply");
    }

    @Test
    @Order(3)
    void movesAndDeletesMadeInTheProvidersAppChangeThePlatformAndRemovalCleansUp() {
        String person = person();
        OwnCalendar own = calendar();
        String led = unique("Lead workshop");
        LocalDate ledDay = DAYS.weeksAhead(12, DayOfWeek.TUESDAY);
        String ledSession = createSession(led, ledDay.atTime(9, 0), ledDay.atTime(10, 0));
        api().post("sessions/" + ledSession + "/instructors", personJson(person));
        String attended = unique("Attended class");
        String attendedSession = createSession(attended, ledDay.plusWeeks(1).atTime(9, 0), ledDay.plusWeeks(1).atTime(10, 0));
        assertEquals(200, api().post("sessions/" + attendedSession + "/registrations", personJson(person)).status());
        SeenEvent ledEvent = awaitOne(led);
        SeenEvent attendedEvent = awaitOne(attended);
        JsonArray echo = sync(person);
        assertTrue(echo.stream().allMatch(r -> r.asJsonObject().getInt("changesOut") == 0), "echoes change nothing: " + echo);

        // The lead instructor moves the session in their own calendar: two-way, so the session moves.
        own.move(ledEvent.id(), ledEvent.start().plus(Duration.ofHours(3)), ledEvent.end().plus(Duration.ofHours(3)));
        JsonArray moved = sync(person);
        assertTrue(moved.toString().contains("was moved by"), moved.toString());
        assertEquals(FixtureDates.apiAnswer(ledDay.atTime(12, 0)), api().get("sessions/" + ledSession).object().getString("start"));

        // Deleting a class one attends unregisters them; deleting one they lead asks the admin and writes it back.
        own.delete(attendedEvent.id());
        JsonArray unregistered = sync(person);
        assertTrue(unregistered.toString().contains("unregistered from"), unregistered.toString());
        assertTrue(api().get("sessions/" + attendedSession).object().getJsonArray("learners").isEmpty());
        own.delete(ledEvent.id());
        sync(person);
        Eventually.await("the led session is written back", SOON, () -> titled(led).size() == 1);
        assertEquals(1, api().get("sessions/" + ledSession).object().getJsonArray("instructors").size());
        assertTrue(api().get("alerts").body().contains(led), "the admin is asked about " + led);

        // Removing the account deletes every event CalSync wrote there, and only those.
        Instant appointment = ledDay.plusDays(1).atTime(8, 0).toInstant(ZoneOffset.UTC);
        String ownEvent = own.add("Own appointment", appointment, appointment.plus(Duration.ofHours(1)), Shown.BUSY);
        Api.Reply removed = api().delete("calendar-accounts/" + accountId);
        assertEquals(200, removed.status(), removed.body());
        assertTrue(titled(led).isEmpty() && titled(attended).isEmpty(), "CalSync's events are gone: " + own.events());
        assertTrue(own.events().stream().anyMatch(e -> e.id().equals(ownEvent)), "the person's own event stays");
        assertEquals(404, api().get("calendar-accounts/" + accountId).status());
    }

    // --- helpers ---

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String personJson(String person) {
        return "{\"personId\":\"" + person + "\"}";
    }

    private String createSession(String title, LocalDateTime startInLondon, LocalDateTime endInLondon) {
        String start = FixtureDates.api(startInLondon);
        String end = FixtureDates.api(endInLondon);
        Api.Reply created = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London","venue":"Room 7",
                 "meetingLink":"https://meet.example.com/scenario"}""".formatted(title, start, end));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    private List<SeenEvent> titled(String title) {
        return calendar().events().stream().filter(e -> title.equals(e.title())).toList();
    }

    private SeenEvent awaitOne(String title) {
        Eventually.await(title + " reaches the calendar", SOON, () -> titled(title).size() == 1);
        return titled(title).get(0);
    }

    private JsonArray sync(String person) {
        Api.Reply reply = api().post("people/" + person + "/sync", "");
        assertEquals(200, reply.status(), reply.body());
        return reply.array();
    }

    private List<JsonObject> busy(String person, LocalDate from, LocalDate to) {
        return api().get("people/" + person + "/busy?from=" + from + "&to=" + to).array().stream()
                .map(v -> v.asJsonObject()).toList();
    }

    private static List<String> titles(List<JsonObject> blocks) {
        return blocks.stream().map(b -> b.getString("title")).toList();
    }

    private static List<Instant> startsOf(List<JsonObject> blocks, String title) {
        return blocks.stream().filter(b -> title.equals(b.getString("title")))
                .map(b -> Instant.parse(b.getString("start"))).sorted().toList();
    }

    private String targetCalendarId() {
        return api().get("calendar-accounts/" + accountId).object().getJsonArray("calendars").stream()
                .map(v -> v.asJsonObject()).filter(c -> c.getBoolean("pushTarget")).findFirst().orElseThrow()
                .getString("id");
    }

    private Api.Reply configure(String privacyMode) {
        String target = targetCalendarId();
        return api().put("calendar-accounts/" + accountId, """
                {"targetCalendarId":"%s","conflictCalendarIds":["%s"],"privacyMode":"%s"}"""
                .formatted(target, target, privacyMode));
    }
}
