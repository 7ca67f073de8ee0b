package org.calsync.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.testsupport.Eventually;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.ews.EwsSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exchange throttles CalSync with ErrorServerBusy and 5 s of back-off while a pull, a push and a free/busy question
 * are in flight: no call of any of them reaches the server during the back-off (the simulator records one as a
 * violation), the pull resumes after the pause instead of failing, the push and the free/busy answer follow, and
 * the console says when Exchange last throttled CalSync and for how long.
 */
@ExtendWith(ArquillianExtension.class)
class ExchangeThrottlingIT {

    private static final Duration BACK_OFF = Duration.ofSeconds(5);
    private static final FixtureDates DAYS = FixtureDates.fromToday();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String LINKED = "tia.throttle-" + SUFFIX + "@northwind.example";
    private static final String UNLINKED = "uma.freebusy-" + SUFFIX + "@northwind.example";

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withServiceAccount("svc-calsync", "svc-secret")
            .onPort(Integer.getInteger("calsync.it.ews.port", 0));

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
    void noCallDuringTheBackOffAndEveryMessageValid() {
        List<String> violations = EWS.takeViolations();
        assertTrue(violations.isEmpty(), String.join("\n\n", violations));
    }

    @Test
    void aBackOffPausesPushPullAndFreeBusyAndThePullResumesAfterIt() throws Exception {
        // Streaming off: the test counts the calls of the three kinds of work only.
        assertEquals(200, api().useExchangeServiceAccount(EWS.url(), false).status());
        Instant review = DAYS.weeksAhead(5, DayOfWeek.THURSDAY).atTime(14, 0).toInstant(ZoneOffset.UTC);
        EWS.mailbox(LINKED).add("Team review", review, review.plus(Duration.ofHours(1)));
        EWS.mailbox(UNLINKED).add("Away day", review, review.plus(Duration.ofHours(3)));
        String linked = api().createInstructor(LINKED, "Tia Throttle " + SUFFIX, "Europe/London");
        String unlinked = api().createInstructor(UNLINKED, "Uma Freebusy " + SUFFIX, "Europe/London");
        Api.Reply link = api().post("people/" + linked + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}");
        assertEquals(201, link.status(), link.body());
        assertEquals("OK", syncNow(linked).getString("outcome"), "read once before Exchange throttles");

        // The pull meets the throttle; once Exchange has answered it, a push and a free/busy question start too.
        Instant throttled = Instant.now();
        EWS.throttle(BACK_OFF);
        EWS.mailbox(LINKED).add("Made before the pause", review.plus(Duration.ofDays(1)),
                review.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
        CompletableFuture<JsonObject> pull = CompletableFuture.supplyAsync(() -> syncNow(linked));
        // Once CalSync has heard the answer (the console shows it): a call sent before that could not have known.
        Eventually.await("CalSync has heard ErrorServerBusy", BACK_OFF, () -> {
            JsonObject last = api().get("exchange-settings/throttling").object();
            return last.containsKey("lastThrottledAt") && Instant.parse(last.getString("lastThrottledAt")).isAfter(throttled);
        });
        Instant pauseEnds = EWS.throttledUntil();
        LocalDate day = DAYS.weeksAhead(6, DayOfWeek.TUESDAY);
        String title = "Throttled push " + SUFFIX;
        String session = api().post("sessions", """
                {"courseTitle":"%s","start":"%s","end":"%s","timeZone":"Europe/London"}""".formatted(title,
                FixtureDates.api(day.atTime(9, 0)), FixtureDates.api(day.atTime(10, 0)))).object().getString("id");
        assertEquals(200, api().post("sessions/" + session + "/instructors", "{\"personId\":\"" + linked + "\"}").status());
        CompletableFuture<Api.Reply> freeBusy = CompletableFuture.supplyAsync(() -> api().get("availability?people="
                + unlinked + "&from=" + review.minus(Duration.ofDays(1)) + "&to=" + review.plus(Duration.ofDays(1))));

        JsonObject run = pull.get(30, TimeUnit.SECONDS);
        assertEquals("OK", run.getString("outcome"), "the pull resumed after the pause: " + run);
        Api.Reply answer = freeBusy.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.status(), answer.body());
        JsonObject row = answer.array().getJsonObject(0);
        assertEquals("EXCHANGE_FREE_BUSY", row.getString("source"), "free/busy was answered after the pause: " + row);
        assertEquals(review.toString(), row.getJsonArray("busy").getJsonObject(0).getString("start"));
        Eventually.await("the push is written after the pause", Duration.ofSeconds(20),
                () -> EWS.mailbox(LINKED).items().stream().anyMatch(item -> item.subject().equals(title)));
        assertTrue(busyStarts(linked).contains(review.plus(Duration.ofDays(1))), "what the resumed pull read is stored");

        assertNoCallDuringThePause(BACK_OFF);
        assertTrue(EWS.requests().stream().anyMatch(r -> r.at().isAfter(pauseEnds)
                && r.operation().equals("GetUserAvailabilityRequest")), "free/busy was asked after the pause");

        JsonObject throttling = api().get("exchange-settings/throttling").object();
        assertNotNull(throttling.getString("lastThrottledAt", null), throttling.toString());
        assertEquals(BACK_OFF.toMillis(), throttling.getJsonNumber("pauseMillis").longValue(), throttling.toString());
    }

    /**
     * A change heard over a stream, whose pull meets a back-off longer than a pull waits out: the pull is tried again
     * later, costs Exchange no call during the pause, and reads the change after it.
     */
    @Test
    void aNotifiedPullThatMeetsALongBackOffReadsTheChangeAfterIt() {
        Duration longBackOff = Duration.ofSeconds(12);
        String email = "lou.later-" + SUFFIX + "@northwind.example";
        Instant lunch = DAYS.weeksAhead(7, DayOfWeek.MONDAY).atTime(12, 0).toInstant(ZoneOffset.UTC);
        EWS.mailbox(email).add("Lunch", lunch, lunch.plus(Duration.ofHours(1)));
        assertEquals(200, api().useExchangeServiceAccount(EWS.url(), true).status());
        try {
            String person = api().createInstructor(email, "Lou Later " + SUFFIX, "Europe/London");
            assertEquals(201, api().post("people/" + person + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}").status());
            Eventually.await("streamed and read once", Duration.ofSeconds(15), () -> EWS.streamedMailboxes().contains(email)
                    && busyStarts(person).contains(lunch));

            Instant throttled = Instant.now();
            EWS.throttle(longBackOff);
            Instant meeting = lunch.plus(Duration.ofDays(1));
            EWS.mailbox(email).add("Meeting", meeting, meeting.plus(Duration.ofHours(1)));
            Eventually.await("the change is read once the pause is over", Duration.ofSeconds(50),
                    () -> busyStarts(person).contains(meeting));
            Instant pauseEnds = EWS.throttledUntil();
            assertTrue(pauseEnds != null && pauseEnds.isAfter(throttled), "Exchange throttled the notified pull");
            assertNoCallDuringThePause(longBackOff);
        } finally {
            api().useExchangeServiceAccount(EWS.url(), false);
        }
    }

    /**
     * Sync now meets a back-off longer than a pull waits out: it answers at once that Exchange asked to wait, and
     * the calendar is read by itself once the pause is over, with no second Sync now and no call during the pause.
     */
    @Test
    void aSyncNowThatMeetsALongBackOffIsReadByItselfAfterIt() {
        Duration longBackOff = Duration.ofSeconds(12);
        String email = "sid.later-" + SUFFIX + "@northwind.example";
        Instant coffee = DAYS.weeksAhead(8, DayOfWeek.WEDNESDAY).atTime(11, 0).toInstant(ZoneOffset.UTC);
        EWS.mailbox(email).add("Coffee", coffee, coffee.plus(Duration.ofMinutes(30)));
        assertEquals(200, api().useExchangeServiceAccount(EWS.url(), false).status());
        String person = api().createInstructor(email, "Sid Later " + SUFFIX, "Europe/London");
        assertEquals(201, api().post("people/" + person + "/calendar-accounts", "{\"provider\":\"EXCHANGE\"}").status());
        assertEquals("OK", syncNow(person).getString("outcome"), "read once before Exchange throttles");

        Instant throttled = Instant.now();
        EWS.throttle(longBackOff);
        Instant workshop = coffee.plus(Duration.ofDays(1));
        EWS.mailbox(email).add("Workshop", workshop, workshop.plus(Duration.ofHours(2)));
        JsonObject run = syncNow(person);
        assertEquals("FAILED", run.getString("outcome"), run.toString());
        assertEquals("BUSY", run.getString("failureKind"), run.toString());
        assertTrue(run.getString("message").contains("done by itself after that"), "says what happens next: " + run);
        assertTrue(Duration.between(throttled, Instant.now()).compareTo(longBackOff) < 0, "answered without waiting");

        Eventually.await("read by itself once the pause is over", longBackOff.plusSeconds(20),
                () -> busyStarts(person).contains(workshop));
        assertNoCallDuringThePause(longBackOff);
    }

    /** The request log shows no call between the last throttle and the end of its back-off. */
    private static void assertNoCallDuringThePause(Duration backOff) {
        Instant pauseEnds = EWS.throttledUntil();
        // The throttled call itself arrived a moment before the pause began.
        Instant pauseBegan = pauseEnds.minus(backOff).plusMillis(100);
        assertEquals(List.of(), EWS.requests().stream().filter(r -> r.at().isAfter(pauseBegan) && r.at().isBefore(pauseEnds))
                .map(EwsSimulator.Recorded::operation).toList(), "the request log shows no call during the back-off");
    }

    private JsonObject syncNow(String person) {
        Api.Reply reply = api().post("people/" + person + "/sync", "");
        assertEquals(200, reply.status(), reply.body());
        return reply.array().getJsonObject(0);
    }

    private List<Instant> busyStarts(String person) {
        Instant from = DAYS.today().atStartOfDay().toInstant(ZoneOffset.UTC);
        return api().busyStarts(person, from, from.plus(Duration.ofDays(60)));
    }
}
