package org.calsync.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * Self-booking through the API, end to end: an instructor publishes availability and a bookable kind; their Radicale
 * calendar takes slots away after a pull, and at the moment of booking without one; a booking lands in both people's calendars,
 * moves and is cancelled; and a hundred learners racing for ten slots get exactly ten bookings.
 */
@ExtendWith(ArquillianExtension.class)
class SelfBookingIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("nina", "nina-secret")
            .withUser("lea", "lea-secret");

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter ICAL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /** Every day asked about is counted from today, so that it stays within the kind's horizon. */
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

    @Test
    void theInstructorsCalendarDecidesWhatCanBeBookedAndABookingReachesIt() {
        URI work = RADICALE.createCalendar("nina", "work");
        URI studies = RADICALE.createCalendar("lea", "studies");
        String nina = person("Nina Instructor", "Instructor");
        String learner = person("Lea Learner", "Learner");
        assertEquals(201, api().post("people/" + learner + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"lea","password":"lea-secret"}"""
                .formatted(RADICALE.base())).status());
        JsonObject account = api().post("people/" + nina + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"nina","password":"nina-secret"}"""
                .formatted(RADICALE.base())).object();
        String workId = account.getJsonArray("calendars").getJsonObject(0).getString("id");
        api().put("calendar-accounts/" + account.getString("id"), """
                {"targetCalendarId":"%s","conflictCalendarIds":["%s"],"privacyMode":"DEFAULT"}""".formatted(workId, workId));
        publishEveryDay(nina, "09:00", "17:00");
        String kind = offer(nina, "Progress review");
        LocalDate day = DAYS.today().plusDays(3);

        assertEquals(hours(day, 9, 10, 11, 12, 13, 14, 15, 16), slotStarts(kind, day));

        // A meeting another client adds takes its hour away once the calendar is pulled.
        putMeeting("meeting-1", day, 10);
        assertEquals(200, api().post("people/" + nina + "/sync", "").status());
        assertEquals(hours(day, 9, 11, 12, 13, 14, 15, 16), slotStarts(kind, day));

        // One added since the last pull is still offered, but booking reads the calendar again and refuses it.
        putMeeting("meeting-2", day, 12);
        assertTrue(slotStarts(kind, day).contains(at(day, 12)), "offered until the next pull");
        Api.Reply refused = book(kind, learner, at(day, 12));
        assertEquals(409, refused.status(), refused.body());
        JsonObject problem = refused.object();
        assertEquals("urn:calsync:problem:slot-taken", problem.getString("type"));
        assertTrue(problem.getString("detail").contains("just taken"), problem.toString());
        assertEquals(at(day, 13).toString(), problem.getJsonArray("nextSlots").getJsonObject(0).getString("start"));

        // A booking is a session of both people, and lands in both calendars.
        Api.Reply booked = book(kind, learner, at(day, 14));
        assertEquals(201, booked.status(), booked.body());
        JsonObject session = booked.object();
        String sessionId = session.getString("id");
        assertEquals("Progress review", session.getString("courseTitle"));
        assertEquals(nina, session.getJsonArray("instructors").getJsonObject(0).getString("id"));
        assertEquals(learner, session.getJsonArray("learners").getJsonObject(0).getString("id"));
        Eventually.await("the booking in Nina's calendar", Duration.ofSeconds(20),
                () -> RADICALE.eventsContaining("nina", work, "Progress review").size() == 1);
        Eventually.await("the booking in Lea's calendar", Duration.ofSeconds(20),
                () -> RADICALE.eventsContaining("lea", studies, "Progress review").size() == 1);
        assertFalse(slotStarts(kind, day).contains(at(day, 14)));

        // The learner moves it, then cancels it; the calendar follows.
        Api.Reply moved = api().post("bookings/" + sessionId + "/move", "{\"start\":\"" + at(day, 15) + "\"}");
        assertEquals(200, moved.status(), moved.body());
        Eventually.await("moved in Nina's calendar", Duration.ofSeconds(20), () -> RADICALE
                .eventsContaining("nina", work, "Progress review").stream().anyMatch(e -> e.contains("SEQUENCE:1")));
        assertTrue(slotStarts(kind, day).contains(at(day, 14)), "the old time is free again");
        Api.Reply cancelled = api().post("bookings/" + sessionId + "/cancel", "{}");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.object().getString("state"));
        Eventually.await("gone from Nina's calendar", Duration.ofSeconds(20),
                () -> RADICALE.eventsContaining("nina", work, "Progress review").isEmpty());
        Eventually.await("gone from Lea's calendar", Duration.ofSeconds(20),
                () -> RADICALE.eventsContaining("lea", studies, "Progress review").isEmpty());
    }

    @Test
    void aHundredLearnersRacingForTenSlotsGetExactlyTenBookings() throws Exception {
        String olga = person("Olga Coach", "Instructor");
        publishEveryDay(olga, "09:00", "19:00");
        String kind = offer(olga, "Coaching");
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            learners.add(person("Racer " + i, "Learner"));
        }
        LocalDate day = DAYS.today().plusDays(4);
        List<Instant> starts = slotStarts(kind, day);
        assertEquals(10, starts.size(), starts.toString());

        ExecutorService clients = Executors.newFixedThreadPool(25);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Instant start = starts.get(i % 10);
                String learner = learners.get(i % learners.size());
                Callable<Api.Reply> attempt = () -> book(kind, learner, start);
                replies.add(clients.submit(attempt));
            }
            int booked = 0;
            int refused = 0;
            for (Future<Api.Reply> reply : replies) {
                Api.Reply answer = reply.get();
                if (answer.status() == 201) {
                    booked++;
                } else {
                    assertEquals(409, answer.status(), answer.body());
                    assertEquals("urn:calsync:problem:slot-taken", answer.object().getString("type"), answer.body());
                    refused++;
                }
            }
            assertEquals(10, booked);
            assertEquals(90, refused);
        } finally {
            clients.shutdownNow();
        }
        assertEquals(List.of(), slotStarts(kind, day));
        long sessions = api().get("sessions?from=" + day + "&to=" + day.plusDays(2)).array().stream()
                .map(v -> v.asJsonObject()).filter(s -> s.getString("courseTitle").equals("Coaching")
                        && s.getJsonArray("instructors").getJsonObject(0).getString("id").equals(olga)).count();
        assertEquals(10, sessions);
    }

    /**
     * The organisation's cancellation deadline (24 hours in the demo tenant): inside it a learner can neither move nor
     * cancel, and the instructor or an admin can. The kind's meeting link goes into the session.
     */
    @Test
    void insideTheDeadlineOnlyTheInstructorOrAnAdminChangesABooking() {
        String coach = person("Dora Deadline", "Instructor");
        String learner = person("Sam Soon", "Learner");
        publishEveryDay(coach, "00:00", "23:45");
        Api.Reply offered = api().post("people/" + coach + "/bookable-kinds", """
                {"name":"Quick check-in","lengthMinutes":15,"horizonDays":3,"maxPerDay":40,"startEveryMinutes":15,
                 "meetingLink":"https://meet.example.com/dora"}""");
        assertEquals(201, offered.status(), offered.body());
        String kind = offered.object().getString("id");
        Instant now = Instant.now();
        List<Instant> soon = slotStarts(kind, now, now.plus(Duration.ofHours(20)));
        assertTrue(soon.size() >= 2, soon.toString());

        Api.Reply booked = book(kind, learner, soon.get(0));
        assertEquals(201, booked.status(), booked.body());
        assertEquals("https://meet.example.com/dora", booked.object().getString("meetingLink"));
        String sessionId = booked.object().getString("id");

        Api.Reply learnerMoves = api().post("bookings/" + sessionId + "/move", "{\"start\":\"" + soon.get(1) + "\"}");
        assertEquals(409, learnerMoves.status(), learnerMoves.body());
        assertTrue(learnerMoves.body().contains("24 hours"), learnerMoves.body());
        Api.Reply learnerCancels = api().post("bookings/" + sessionId + "/cancel", "{}");
        assertEquals(409, learnerCancels.status(), learnerCancels.body());

        Api.Reply staffMoves = api().post("bookings/" + sessionId + "/move",
                "{\"start\":\"" + soon.get(1) + "\",\"byLearner\":false}");
        assertEquals(200, staffMoves.status(), staffMoves.body());
        assertEquals(soon.get(1).toString(), staffMoves.object().getString("startUtc"));
        // Without a body: a clear refusal, nothing changed.
        assertEquals(400, api().post("bookings", "").status());
        assertEquals(400, api().post("bookings/" + sessionId + "/move", "").status());
        assertEquals(400, api().put("people/" + coach + "/availability", "").status());
        Api.Reply staffCancels = api().post("bookings/" + sessionId + "/cancel", "{\"byLearner\":false}");
        assertEquals(200, staffCancels.status(), staffCancels.body());
        assertEquals("CANCELLED", staffCancels.object().getString("state"));
    }

    private String person(String name, String role) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@northwind.example";
        Api.Reply created = api().post("people", """
                {"email":"%s","displayName":"%s","timeZone":"Europe/London","roles":["%s"]}""".formatted(email, name, role));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    private void publishEveryDay(String personId, String start, String end) {
        Api.Reply published = api().publishEveryDay(personId, start, end);
        assertEquals(200, published.status(), published.body());
    }

    private String offer(String personId, String name) {
        Api.Reply offered = api().post("people/" + personId + "/bookable-kinds", """
                {"name":"%s","lengthMinutes":60,"horizonDays":30,"maxPerDay":20,"startEveryMinutes":60}""".formatted(name));
        assertEquals(201, offered.status(), offered.body());
        return offered.object().getString("id");
    }

    private Api.Reply book(String kind, String learner, Instant start) {
        return api().post("bookings", """
                {"kindId":"%s","learnerId":"%s","start":"%s"}""".formatted(kind, learner, start));
    }

    private List<Instant> slotStarts(String kind, LocalDate day) {
        return slotStarts(kind, day.atStartOfDay(LONDON).toInstant(), day.plusDays(1).atStartOfDay(LONDON).toInstant());
    }

    private List<Instant> slotStarts(String kind, Instant from, Instant to) {
        Api.Reply slots = api().get("bookable-kinds/" + kind + "/slots?from=" + from + "&to=" + to);
        assertEquals(200, slots.status(), slots.body());
        return slots.array().stream().map(v -> Instant.parse(v.asJsonObject().getString("start"))).toList();
    }

    private void putMeeting(String uid, LocalDate day, int hour) {
        String ics = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Other client//EN\r
                BEGIN:VEVENT\r
                UID:%s\r
                DTSTAMP:20261101T120000Z\r
                DTSTART:%s\r
                DTEND:%s\r
                SUMMARY:Team meeting\r
                END:VEVENT\r
                END:VCALENDAR\r
                """.formatted(uid, ICAL_UTC.format(at(day, hour).atOffset(ZoneOffset.UTC)),
                ICAL_UTC.format(at(day, hour + 1).atOffset(ZoneOffset.UTC)));
        URI work = RADICALE.base().resolve("/nina/work/");
        assertEquals(201, RADICALE.putEvent("nina", work.resolve(uid + ".ics"), ics).statusCode());
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(LONDON).toInstant();
    }

    private static List<Instant> hours(LocalDate day, int... hours) {
        return Arrays.stream(hours).mapToObj(hour -> at(day, hour)).toList();
    }
}
